// The one place a report model is assembled. Two sources feed it — the database (lib/services/reports/
// build-report-model.ts, a scan or a domain's composed state) and an in-memory scan result (the CLI,
// from-scan-result.ts) — each reduced to ReportInputs first, so both give the same model for the same facts.
// Pure: no Prisma, no Next.
import { summarizeVitals } from "@/lib/services/scans/core-web-vitals";
import { PILLARS, SEVERITIES, type Pillar, type Severity } from "@/lib/scanner/types";
import { buildReportCompliance } from "./compliance";
import {
  REPORT_SCHEMA_VERSION,
  type ReportFinding,
  type ReportModel,
  type ReportPage,
  type ReportPillar,
  type ReportSecurityTests,
  type ReportTopFix,
} from "./model";

export const REPORT_ENGINE = "Plumb";
export const REPORT_ENGINE_VERSION = "0.1.0";
export const TOP_FIXES_LIMIT = 10;

/** Severity weights for ranking fixes: one critical outweighs a high on three pages. Info is never a fix. */
export const FIX_SEVERITY_WEIGHT: Record<Severity, number> = { critical: 27, high: 9, medium: 3, low: 1, info: 0 };

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;
const PILLAR_RANK = Object.fromEntries(PILLARS.map((p, i) => [p, i])) as Record<Pillar, number>;
const TO_DO = new Set(["open", "in_progress"]);

export interface ReportInputs {
  generatedAt: Date;
  title: string;
  target: string;
  source: ReportModel["source"];
  grade: string | null;
  score: number | null;
  scoreGrade: string | null;
  gradeCap: ReportModel["summary"]["grade_cap"];
  securityGrade: string | null;
  /** every pillar the source knows about; missing pillars are reported as not scanned */
  pillars: { pillar: Pillar; state: ReportPillar["state"]; score: number | null; scannedAt: Date | null }[];
  /** the pillar scores at the previous trend point (null: no earlier point) */
  previousScores: Partial<Record<Pillar, number>> | null;
  trend: { at: Date; score: number; grade: string | null; scanId: string | null }[];
  findings: ReportFinding[];
  securityTests: ReportSecurityTests | null;
  pages: ReportPage[];
  method: Omit<ReportModel["method"], "engine" | "engine_version" | "notes"> & { notes?: string[] };
}

export function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    PILLAR_RANK[a.pillar] - PILLAR_RANK[b.pillar] ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    b.pages_count - a.pages_count ||
    a.rule.localeCompare(b.rule) ||
    a.fingerprint.localeCompare(b.fingerprint)
  );
}

/** Fixes still to do, ranked by severity weight × pages affected (ties: worse severity, then rule). */
export function rankTopFixes(findings: ReportFinding[], limit = TOP_FIXES_LIMIT): ReportTopFix[] {
  return findings
    .filter((f) => TO_DO.has(f.status) && FIX_SEVERITY_WEIGHT[f.severity] > 0)
    .map((f) => ({ f, priority: FIX_SEVERITY_WEIGHT[f.severity] * Math.max(1, f.pages_count) }))
    .sort((a, b) => b.priority - a.priority || SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.f.rule.localeCompare(b.f.rule) || a.f.fingerprint.localeCompare(b.f.fingerprint))
    .slice(0, limit)
    .map(({ f, priority }, i) => ({
      rank: i + 1,
      finding_id: f.id,
      rule: f.rule,
      pillar: f.pillar,
      severity: f.severity,
      title: f.title,
      fix: f.fix,
      pages_affected: f.pages_count,
      instances: f.instances_count,
      priority,
    }));
}

function highlights(input: ReportInputs, open: Record<Severity, number>, openTotal: number, pagesScanned: number): string[] {
  const out: string[] = [];
  if (input.grade) {
    out.push(
      `${input.target} scores ${input.score ?? "—"}/100, grade ${input.grade}${input.gradeCap?.applied ? ` (capped from ${input.scoreGrade} by ${input.gradeCap.findings} ${input.gradeCap.severity}-severity finding${input.gradeCap.findings === 1 ? "" : "s"})` : ""}.`,
    );
  } else {
    out.push(`${input.target} has no score yet.`);
  }
  const serious = open.critical + open.high;
  if (openTotal === 0) out.push("No open findings: nothing needs fixing right now.");
  else
    out.push(
      `${openTotal} open finding${openTotal === 1 ? "" : "s"}${serious > 0 ? `, ${serious} of them critical or high severity` : ""}, across ${pagesScanned} scanned page${pagesScanned === 1 ? "" : "s"}.`,
    );
  const scored = input.pillars.filter((p) => p.score !== null) as { pillar: Pillar; score: number }[];
  if (scored.length > 0) {
    const weakest = [...scored].sort((a, b) => a.score - b.score)[0];
    const strongest = [...scored].sort((a, b) => b.score - a.score)[0];
    if (weakest.pillar !== strongest.pillar) out.push(`Strongest pillar: ${strongest.pillar} (${strongest.score}); weakest: ${weakest.pillar} (${weakest.score}).`);
  }
  if (input.securityGrade) out.push(`Security grade ${input.securityGrade}.`);
  return out;
}

export function composeReportModel(input: ReportInputs): ReportModel {
  const findings = [...input.findings].sort(compareFindings);
  const openBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const openByPillar = new Map<Pillar, number>();
  for (const f of findings) {
    if (!TO_DO.has(f.status)) continue;
    openBySeverity[f.severity] += 1;
    openByPillar.set(f.pillar, (openByPillar.get(f.pillar) ?? 0) + 1);
  }
  const openTotal = SEVERITIES.reduce((n, s) => n + openBySeverity[s], 0);
  const byPillar = new Map(input.pillars.map((p) => [p.pillar, p]));
  const pillars: ReportPillar[] = PILLARS.map((pillar) => {
    const p = byPillar.get(pillar);
    const previous = input.previousScores?.[pillar] ?? null;
    const score = p?.score ?? null;
    return {
      pillar,
      state: p?.state ?? "not_scanned",
      score,
      previous_score: previous,
      delta: score !== null && previous !== null ? score - previous : null,
      scanned_at: p?.scannedAt ? p.scannedAt.toISOString() : null,
      open_findings: openByPillar.get(pillar) ?? 0,
    };
  });
  const loaded = input.pages.filter((p) => p.status !== null && !p.error);
  const vitals = summarizeVitals(
    loaded.map((p) => ({ ttfbMs: p.ttfb_ms, fcpMs: p.fcp_ms, lcpMs: p.lcp_ms, tbtMs: p.tbt_ms, cls: p.cls })),
  ).map((v) => ({ id: v.id, label: v.label, core: v.core, unit: v.unit, good: v.good, poor: v.poor, p75: v.p75, band: v.band, pages: v.pages }));
  const notes = [
    "Lab measurements from one headless Chromium page load per page (mobile-sized viewport); Total Blocking Time stands in for INP.",
    "Pillar scores are weighted pass rates of the checks that applied; the overall grade is capped by the worst open finding.",
    ...(input.method.notes ?? []),
  ];
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    generated_at: input.generatedAt.toISOString(),
    title: input.title,
    target: input.target,
    source: input.source,
    summary: {
      grade: input.grade,
      score: input.score,
      score_grade: input.scoreGrade,
      grade_cap: input.gradeCap,
      security_grade: input.securityGrade,
      findings_total: findings.length,
      open_findings: openTotal,
      open_by_severity: openBySeverity,
      pages_scanned: input.pages.length,
      pages_failed: input.pages.length - loaded.length,
      highlights: highlights(input, openBySeverity, openTotal, input.pages.length),
    },
    pillars,
    trend: input.trend.map((t) => ({ at: t.at.toISOString(), score: t.score, grade: t.grade, scan_id: t.scanId })),
    web_vitals: vitals,
    top_fixes: rankTopFixes(findings),
    findings,
    security_tests: input.securityTests,
    pages: input.pages,
    method: {
      engine: REPORT_ENGINE,
      engine_version: REPORT_ENGINE_VERSION,
      pillars: input.method.pillars,
      max_pages: input.method.max_pages,
      started_at: input.method.started_at,
      finished_at: input.method.finished_at,
      duration_ms: input.method.duration_ms,
      trigger: input.method.trigger,
      scans: input.method.scans,
      notes,
    },
    compliance: buildReportCompliance({
      findings,
      pillars: input.method.pillars,
      site: input.target,
      scannedAt: input.method.finished_at ? new Date(input.method.finished_at) : null,
      pages: input.pages.length,
    }),
  };
}
