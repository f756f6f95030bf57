// A domain's public result, composed per pillar. Pure: the loaders in this folder fetch the inputs.
//
// - Each pillar comes from the latest finished scan that covered it with at least the domain's page count
//   (the caller passes only such scans; see counting-triggers.ts for which triggers count).
// - Performance is the mobile profile's: scans without mobile among their devices are left out of that pillar
//   by the loaders (pillar-device-rule.ts), so a desktop-only scan never moves it.
// - Overall score: the mean of the pillars that have a score. Overall grade: from that score, then capped by
//   the worst finding of the domain that is open, in progress or accepted risk (lib/scanner/scores.ts holds
//   the scale and the caps, shared with the scanner).
import { PILLARS, SEVERITIES, type Pillar, type SecurityTestsTable, type Severity } from "@/lib/scanner/types";
import { SEVERITY_GRADE_CAP, gradeFromScore, overallScore, type Grade } from "@/lib/scanner/scores";

export type PillarState = "scored" | "not_applicable" | "never_scanned";

export interface ComposedPillar {
  pillar: Pillar;
  /** scored; not_applicable = the scan covered it but no check applied; never_scanned = no counting scan */
  state: PillarState;
  score: number | null;
  scanId: string | null;
  scannedAt: Date | null;
}

export interface GradeCap {
  /** the worst severity among the findings that cap */
  severity: Severity;
  /** the best grade that severity allows */
  grade: Grade;
  /** how many capping findings have that severity */
  findings: number;
  /** whether it lowered the grade the score alone would give */
  applied: boolean;
}

export type SeverityCounts = Record<Severity, number>;

export interface DomainResult {
  domainId: string;
  pageCount: number;
  pillars: Record<Pillar, ComposedPillar>;
  score: number | null;
  /** the grade of the score alone, before the cap */
  scoreGrade: Grade | null;
  grade: Grade | null;
  cap: GradeCap | null;
  /** the findings that cap (open, in progress, accepted risk), by severity */
  cappingFindings: SeverityCounts;
  securityGrade: string | null;
  securityTests: SecurityTestsTable | null;
  /** the newest scan among the pillars' scans */
  scannedAt: Date | null;
  lastScanId: string | null;
}

/** The latest counting scan of one pillar, as the loader found it. */
export interface PillarSource {
  pillar: Pillar;
  scanId: string;
  finishedAt: Date;
  /** the scan's pillar scores ({ pillar: 0..100 }) */
  scores: unknown;
  securityGrade?: string | null;
  securityTests?: unknown;
}

export function emptySeverityCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

export function scoreOf(scores: unknown, pillar: Pillar): number | null {
  if (!scores || typeof scores !== "object" || Array.isArray(scores)) return null;
  const v = (scores as Record<string, unknown>)[pillar];
  return typeof v === "number" && Number.isFinite(v) ? Math.max(0, Math.min(100, Math.round(v))) : null;
}

export function asSecurityTests(value: unknown): SecurityTestsTable | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Partial<SecurityTestsTable>;
  if (!Array.isArray(v.tests) || typeof v.score !== "number" || typeof v.grade !== "string") return null;
  return {
    tests: v.tests.filter((t) => t && typeof t.rule === "string" && typeof t.modifier === "number"),
    bonus: typeof v.bonus === "number" ? v.bonus : 0,
    score: v.score,
    grade: v.grade,
  };
}

/** The grade cap of a set of capping findings: the worst severity decides. */
export function gradeCap(capping: SeverityCounts, scoreGrade: Grade | null): GradeCap | null {
  const worst = SEVERITIES.find((s) => capping[s] > 0);
  if (!worst || worst === "info") return null;
  const grade = SEVERITY_GRADE_CAP[worst];
  return { severity: worst, grade, findings: capping[worst], applied: scoreGrade !== null && gradeRank(grade) > gradeRank(scoreGrade) };
}

const GRADE_ORDER: readonly Grade[] = ["A+", "A", "B", "C", "D", "F"];
function gradeRank(g: Grade): number {
  return GRADE_ORDER.indexOf(g);
}

export function composeResult(input: {
  domainId: string;
  pageCount: number;
  sources: PillarSource[];
  capping: SeverityCounts;
}): DomainResult {
  const bySource = new Map(input.sources.map((s) => [s.pillar, s]));
  const pillars = {} as Record<Pillar, ComposedPillar>;
  const scores: Partial<Record<Pillar, number>> = {};
  let scannedAt: Date | null = null;
  let lastScanId: string | null = null;
  for (const pillar of PILLARS) {
    const src = bySource.get(pillar);
    if (!src) {
      pillars[pillar] = { pillar, state: "never_scanned", score: null, scanId: null, scannedAt: null };
      continue;
    }
    const score = scoreOf(src.scores, pillar);
    if (score !== null) scores[pillar] = score;
    pillars[pillar] = { pillar, state: score === null ? "not_applicable" : "scored", score, scanId: src.scanId, scannedAt: src.finishedAt };
    if (!scannedAt || src.finishedAt > scannedAt) {
      scannedAt = src.finishedAt;
      lastScanId = src.scanId;
    }
  }
  const scored = Object.keys(scores).length > 0;
  const score = scored ? overallScore(scores) : null;
  const scoreGrade = score === null ? null : gradeFromScore(score);
  const cap = gradeCap(input.capping, scoreGrade);
  const grade = scoreGrade === null ? null : cap?.applied ? cap.grade : scoreGrade;
  const security = bySource.get("security");
  return {
    domainId: input.domainId,
    pageCount: input.pageCount,
    pillars,
    score,
    scoreGrade,
    grade,
    cap,
    cappingFindings: input.capping,
    securityGrade: security?.securityGrade ?? null,
    securityTests: security ? asSecurityTests(security.securityTests) : null,
    scannedAt,
    lastScanId,
  };
}
