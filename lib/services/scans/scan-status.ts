import type { Scan } from "@/generated/prisma/client";
import { SEVERITIES, type Pillar, type Severity } from "@/lib/scanner/types";

export const SCAN_STATUSES = ["queued", "running", "succeeded", "failed", "canceled"] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const TERMINAL_SCAN_STATUSES: readonly ScanStatus[] = ["succeeded", "failed", "canceled"];

export type SeverityCounts = Record<Severity, number>;

export interface ScanJson {
  id: string;
  domain_id: string;
  status: ScanStatus;
  trigger: "manual" | "schedule" | "api" | "verification";
  pillars: Pillar[];
  max_pages: number;
  progress: { pages_done: number; pages_total: number };
  scores: Partial<Record<Pillar, number>> | null;
  score: number | null;
  grade: string | null;
  security_grade: string | null;
  summary: SeverityCounts;
  error: string | null;
  credits_reserved: number;
  credits_charged: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
}

export function emptySeverityCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

function severityCounts(value: unknown): SeverityCounts {
  const out = emptySeverityCounts();
  if (value && typeof value === "object") {
    for (const s of SEVERITIES) {
      const n = (value as Record<string, unknown>)[s];
      if (typeof n === "number") out[s] = n;
    }
  }
  return out;
}

export function isTerminalScanStatus(status: string): boolean {
  return (TERMINAL_SCAN_STATUSES as readonly string[]).includes(status);
}

export function presentScan(scan: Scan, liveSummary?: SeverityCounts): ScanJson {
  return {
    id: scan.id,
    domain_id: scan.domainId,
    status: scan.status,
    trigger: scan.trigger,
    pillars: scan.pillars,
    max_pages: scan.maxPages,
    progress: { pages_done: scan.pagesDone, pages_total: scan.pagesTotal },
    scores: (scan.scores as Partial<Record<Pillar, number>> | null) ?? null,
    score: scan.score,
    grade: scan.grade,
    security_grade: scan.securityGrade,
    summary: scan.summary ? severityCounts(scan.summary) : (liveSummary ?? emptySeverityCounts()),
    error: scan.error,
    credits_reserved: scan.creditsReserved,
    credits_charged: scan.creditsCharged,
    created_at: scan.createdAt.toISOString(),
    started_at: scan.startedAt?.toISOString() ?? null,
    finished_at: scan.finishedAt?.toISOString() ?? null,
    duration_ms: scan.durationMs,
  };
}
