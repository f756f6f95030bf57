import type { z } from "zod";
import type { domainResultSchema } from "@/lib/api/contract/domain-result";
import type { DomainResult } from "@/lib/services/domain-result/compose";
import { PILLARS, type Pillar } from "@/lib/scanner/types";

type PillarsOut = z.input<typeof domainResultSchema>["pillars"];

export function serializeDomainResult(r: DomainResult): z.input<typeof domainResultSchema> {
  const pillars = {} as Record<Pillar, PillarsOut[Pillar]>;
  for (const p of PILLARS) {
    const c = r.pillars[p];
    pillars[p] = { state: c.state, score: c.score, scan_id: c.scanId, scanned_at: c.scannedAt?.toISOString() ?? null };
  }
  return {
    score: r.score,
    grade: r.grade,
    score_grade: r.scoreGrade,
    cap: r.cap ? { severity: r.cap.severity, grade: r.cap.grade, findings: r.cap.findings, applied: r.cap.applied } : null,
    capping_findings: { ...r.cappingFindings },
    security_grade: r.securityGrade,
    security_tests: r.securityTests
      ? {
          tests: r.securityTests.tests.map((t) => ({ rule: t.rule, title: t.title, outcome: t.outcome, severity: t.severity, modifier: Math.round(t.modifier) })),
          bonus: Math.round(r.securityTests.bonus),
          score: Math.round(r.securityTests.score),
          grade: r.securityTests.grade,
        }
      : null,
    page_count: r.pageCount,
    scanned_at: r.scannedAt?.toISOString() ?? null,
    last_scan_id: r.lastScanId,
    pillars,
  };
}
