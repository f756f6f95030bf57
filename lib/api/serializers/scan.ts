import type { DeviceName } from "@/lib/scanner/devices";
import type { z } from "zod";
import type { Finding, Scan } from "@/generated/prisma/client";
import type { scanComparisonSchema, scanDetailSchema, scanSchema } from "@/lib/api/contract/scans";
import type { ScanComparison } from "@/lib/services/scans/compare-scans";
import type { Pillar } from "@/lib/scanner/types";
import { emptySeverityCounts, severityCounts, type SeverityCounts } from "@/lib/services/scans/scan-status";
import { serializeFinding } from "./finding";
import { parseLiveState } from "@/lib/services/scans/live-progress";
import { readConsentReport, type StoredConsentReport } from "@/lib/services/scans/consent-report";

function serializeLive(value: unknown) {
  const live = parseLiveState(value);
  return { loading: live.loading, findings_so_far: live.findings.length, findings: live.findings };
}

/** `liveSummary`: counts of the findings recorded so far, for a scan that has no final summary yet. */
export function serializeScan(scan: Scan, liveSummary?: SeverityCounts): z.input<typeof scanSchema> {
  return {
    id: scan.id,
    domain_id: scan.domainId,
    status: scan.status,
    trigger: scan.trigger,
    pillars: scan.pillars,
    devices: scan.devices,
    max_pages: scan.maxPages,
    consent: scan.consent,
    progress: { pages_done: scan.pagesDone, pages_total: scan.pagesTotal },
    scores: (scan.scores as Partial<Record<Pillar, number>> | null) ?? null,
    score: scan.score,
    grade: scan.grade,
    security_grade: scan.securityGrade,
    gates: Array.isArray(scan.gateResult) ? (scan.gateResult as { policy_id: string; name: string; passed: boolean; reasons: string[] }[]) : null,
    summary: scan.summary ? severityCounts(scan.summary) : (liveSummary ?? emptySeverityCounts()),
    error: scan.error,
    credits_reserved: scan.creditsReserved,
    credits_charged: scan.creditsCharged,
    created_at: scan.createdAt.toISOString(),
    started_at: scan.startedAt?.toISOString() ?? null,
    finished_at: scan.finishedAt?.toISOString() ?? null,
    duration_ms: scan.durationMs,
    live: scan.status === "running" ? serializeLive(scan.live) : null,
  };
}

type Snapshot = StoredConsentReport["pages"][number]["before"];
function serializeSnapshot(s: Snapshot) {
  return {
    cookies: s.cookies.map((c) => ({ name: c.name, domain: c.domain, third_party: c.thirdParty })),
    hosts: s.hosts.map((h) => ({ host: h.host, third_party: h.thirdParty, requests: h.requests })),
  };
}

export function serializeConsentReport(value: unknown): z.input<typeof scanDetailSchema>["consent_report"] {
  const report = readConsentReport(value);
  if (!report) return null;
  return {
    ms: Math.round(report.ms),
    pages: report.pages.map((p) => ({
      url: p.url,
      cmp: p.cmp,
      before: serializeSnapshot(p.before),
      accept: p.accept ? { done: p.accept.done, error: p.accept.error ?? null, added: serializeSnapshot(p.accept.added) } : null,
      reject: p.reject ? { done: p.reject.done, offered: p.reject.offered, error: p.reject.error ?? null, added: serializeSnapshot(p.reject.added) } : null,
    })),
  };
}

export function serializeScanDetail(detail: { scan: Scan; findings: Finding[]; liveSummary?: SeverityCounts; deviceFindings?: { findingId: string; devices: string[] }[] }): z.input<typeof scanDetailSchema> {
  return {
    ...serializeScan(detail.scan, detail.liveSummary),
    findings: detail.findings.map(serializeFinding),
    device_findings: (detail.deviceFindings ?? []).map((d) => ({ finding_id: d.findingId, devices: d.devices.filter((x): x is DeviceName => x === "mobile" || x === "desktop") })),
    consent_report: serializeConsentReport(detail.scan.consentReport),
  };
}

export function serializeScanComparison(c: ScanComparison): z.input<typeof scanComparisonSchema> {
  return {
    domain_id: c.base.domainId,
    base: serializeScan(c.base),
    target: serializeScan(c.target),
    overall: c.overall,
    pillars: c.pillars,
    counts: { new: c.added.length, fixed: c.fixed.length, unchanged: c.unchanged.length },
    new: c.added.map(serializeFinding),
    fixed: c.fixed.map(serializeFinding),
    unchanged: c.unchanged.map(serializeFinding),
  };
}
