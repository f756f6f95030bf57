// The report model of an in-memory scan result (the CLI has no database): every finding is open, first seen
// now, and its id is a fingerprint prefix — the same convention as `plumb scan --json`.
import { gradeCap, emptySeverityCounts } from "@/lib/services/domain-result/compose";
import { gradeFromScore } from "@/lib/scanner/scores";
import { PILLARS, type FindingInstance, type ScanResult } from "@/lib/scanner/types";
import { composeReportModel } from "./compose-model";
import type { ReportFinding, ReportModel, ReportPage } from "./model";

export function reportModelFromScanResult(result: ScanResult, opts: { generatedAt?: Date; title?: string } = {}): ReportModel {
  const seen = result.finished_at;
  const findings: ReportFinding[] = result.findings.map((f) => {
    const raw: FindingInstance[] = f.instances ?? f.urls.map((url) => ({ url, selector: f.selector }));
    const instances = raw.map((i) => ({
      url: i.url,
      selector: i.selector || null,
      asset: i.asset || null,
      snippet: i.snippet ?? null,
    }));
    return {
      id: f.fingerprint.slice(0, 16),
      fingerprint: f.fingerprint,
      pillar: f.pillar,
      rule: f.rule,
      severity: f.severity,
      status: "open",
      title: f.title,
      description: f.description,
      fix: f.fix,
      evidence: f.evidence ?? null,
      url: f.url,
      pages_count: new Set(f.urls).size,
      instances_count: f.instanceCount ?? instances.length,
      first_seen_at: seen,
      last_seen_at: seen,
      instances,
    };
  });
  const ran = new Set(result.checks.map((c) => c.pillar));
  const capping = emptySeverityCounts();
  for (const f of result.findings) capping[f.severity] += 1;
  const scoreGrade = gradeFromScore(result.score);
  const pages: ReportPage[] = result.pages.map((p) => ({
    url: p.url,
    status: p.status,
    error: p.error ?? null,
    title: p.title ?? null,
    performance_score: p.performance_score ?? null,
    ttfb_ms: p.metrics?.ttfb ?? null,
    fcp_ms: p.metrics?.fcp ?? null,
    lcp_ms: p.metrics?.lcp ?? null,
    tbt_ms: p.metrics?.tbt ?? null,
    cls: p.metrics?.cls ?? null,
    bytes: p.metrics?.bytes ?? null,
    requests: p.metrics?.requests ?? null,
  }));
  const finished = new Date(result.finished_at);
  const pillars = PILLARS.filter((p) => ran.has(p));
  return composeReportModel({
    generatedAt: opts.generatedAt ?? finished,
    title: opts.title ?? `Website audit of ${result.target}`,
    target: result.target,
    source: { kind: "cli", scan_id: null, domain_id: null },
    grade: result.grade,
    score: result.score,
    scoreGrade,
    gradeCap: gradeCap(capping, scoreGrade),
    securityGrade: result.security_grade ?? null,
    pillars: PILLARS.map((pillar) => {
      const score = result.scores[pillar];
      return {
        pillar,
        state: score !== undefined ? "scored" : ran.has(pillar) ? "not_applicable" : "not_scanned",
        score: score ?? null,
        scannedAt: ran.has(pillar) ? finished : null,
      };
    }),
    previousScores: null,
    trend: [{ at: finished, score: result.score, grade: result.grade, scanId: null }],
    findings,
    securityTests: result.security_tests ?? null,
    pages,
    method: {
      pillars,
      max_pages: null,
      started_at: result.started_at,
      finished_at: result.finished_at,
      duration_ms: Math.max(0, finished.getTime() - new Date(result.started_at).getTime()),
      trigger: "cli",
      scans: [],
    },
  });
}
