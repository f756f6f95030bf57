import type { z } from "zod";
import type { Finding, Scan } from "@/generated/prisma/client";
import type { scanDetailSchema, scanSchema } from "@/lib/api/contract/scans";
import type { Pillar } from "@/lib/scanner/types";
import { emptySeverityCounts, severityCounts, type SeverityCounts } from "@/lib/services/scans/scan-status";
import { serializeFinding } from "./finding";

/** `liveSummary`: counts of the findings recorded so far, for a scan that has no final summary yet. */
export function serializeScan(scan: Scan, liveSummary?: SeverityCounts): z.input<typeof scanSchema> {
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

export function serializeScanDetail(detail: { scan: Scan; findings: Finding[]; liveSummary?: SeverityCounts }): z.input<typeof scanDetailSchema> {
  return { ...serializeScan(detail.scan, detail.liveSummary), findings: detail.findings.map(serializeFinding) };
}
