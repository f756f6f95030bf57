// Scores and grades.
//
// Pillar score (Lighthouse style): sum(weight × passRate) / sum(weight) over checks that applied, × 100.
//   n/a and errored checks weigh 0; a page check failing on 2 of 10 pages has passRate 0.8.
//   A pillar with no applicable weighted check has no score.
//
// Security grade (Mozilla Observatory style): start at 100, subtract a modifier per failing security rule by
//   its worst severity (critical 50, high 25, medium 15, low 5, info 0); +5 when no security rule fails at low
//   or above. Scale: A+ ≥ 100, A ≥ 90, A- ≥ 85, B+ ≥ 80, B ≥ 70, B- ≥ 65, C+ ≥ 60, C ≥ 50, C- ≥ 45, D+ ≥ 40,
//   D ≥ 30, D- ≥ 25, else F.
//
// Overall score: mean of the pillar scores. Overall grade: A+ ≥ 97, A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F,
//   then capped by the worst open finding (DefectDojo style): critical -> at most D, high -> at most C,
//   medium -> at most B, low -> at most A, info -> no cap.
import type { CheckOutcome, Finding, Pillar, SecurityTestsTable, Severity } from "./types";
import { PILLARS } from "./types";
import { worseSeverity } from "./dedupe";

export function pillarScores(outcomes: CheckOutcome[], pillars: readonly Pillar[] = PILLARS): Partial<Record<Pillar, number>> {
  const out: Partial<Record<Pillar, number>> = {};
  for (const pillar of pillars) {
    let num = 0;
    let den = 0;
    for (const o of outcomes) {
      if (o.pillar !== pillar || (o.outcome !== "pass" && o.outcome !== "fail")) continue;
      const w = o.weight ?? 1;
      if (w <= 0) continue;
      num += w * (o.passRate ?? (o.outcome === "pass" ? 1 : 0));
      den += w;
    }
    if (den > 0) out[pillar] = Math.round((num / den) * 100);
  }
  return out;
}

export const SECURITY_MODIFIERS: Record<Severity, number> = { critical: 50, high: 25, medium: 15, low: 5, info: 0 };

const OBSERVATORY_SCALE: [number, string][] = [
  [100, "A+"], [90, "A"], [85, "A-"], [80, "B+"], [70, "B"], [65, "B-"], [60, "C+"], [50, "C"], [45, "C-"], [40, "D+"], [30, "D"], [25, "D-"],
];

function worstSecuritySeverityByRule(findings: Pick<Finding, "pillar" | "rule" | "severity">[]): Map<string, Severity> {
  const worstByRule = new Map<string, Severity>();
  for (const f of findings) {
    if (f.pillar !== "security") continue;
    const prev = worstByRule.get(f.rule);
    worstByRule.set(f.rule, prev ? worseSeverity(prev, f.severity) : f.severity);
  }
  return worstByRule;
}

/** Points added when no security rule fails at low or above (Observatory's bonus for a clean result). */
export const SECURITY_CLEAN_BONUS = 5;

export function securityScore(findings: Pick<Finding, "pillar" | "rule" | "severity">[]): number {
  const worstByRule = worstSecuritySeverityByRule(findings);
  let score = 100;
  for (const sev of worstByRule.values()) score -= SECURITY_MODIFIERS[sev];
  if ([...worstByRule.values()].every((s) => s === "info")) score += SECURITY_CLEAN_BONUS;
  return Math.max(0, score);
}

export function securityGradeFromScore(score: number): string {
  return OBSERVATORY_SCALE.find(([min]) => score >= min)?.[1] ?? "F";
}

export function securityGrade(findings: Pick<Finding, "pillar" | "rule" | "severity">[]): string {
  return securityGradeFromScore(securityScore(findings));
}

/** One row of the security grade's table: a test, whether it passed, and what it did to the score. */
export type SecurityTest = SecurityTestsTable["tests"][number];
export type SecurityTests = SecurityTestsTable;

/**
 * The security grade explained, Mozilla Observatory style: every security test that ran, pass or fail, and
 * its modifier. Sums to exactly what securityScore gives for the same findings (clamped at 0).
 */
export function securityTests(
  outcomes: Pick<CheckOutcome, "rule" | "pillar" | "outcome">[],
  findings: Pick<Finding, "pillar" | "rule" | "severity">[],
  titles: ReadonlyMap<string, string> = new Map(),
): SecurityTests {
  const worstByRule = worstSecuritySeverityByRule(findings);
  const tests: SecurityTest[] = [];
  const seen = new Set<string>();
  const row = (rule: string, outcome: CheckOutcome["outcome"]): SecurityTest => {
    const severity = worstByRule.get(rule) ?? null;
    return {
      rule,
      title: titles.get(rule) ?? rule,
      outcome: severity ? "fail" : outcome === "fail" ? "pass" : outcome,
      severity,
      modifier: severity && SECURITY_MODIFIERS[severity] > 0 ? -SECURITY_MODIFIERS[severity] : 0,
    };
  };
  for (const o of outcomes) {
    if (o.pillar !== "security" || seen.has(o.rule)) continue;
    seen.add(o.rule);
    tests.push(row(o.rule, o.outcome));
  }
  // A finding without an outcome row (a caller passing findings only) still costs its points.
  for (const rule of worstByRule.keys()) if (!seen.has(rule)) tests.push(row(rule, "fail"));
  const bonus = [...worstByRule.values()].every((s) => s === "info") ? SECURITY_CLEAN_BONUS : 0;
  const score = securityScore(findings);
  return { tests, bonus, score, grade: securityGradeFromScore(score) };
}

const GRADES = ["A+", "A", "B", "C", "D", "F"] as const;
export type Grade = (typeof GRADES)[number];

export const SEVERITY_GRADE_CAP: Record<Severity, Grade> = { critical: "D", high: "C", medium: "B", low: "A", info: "A+" };

export function gradeFromScore(score: number): Grade {
  if (score >= 97) return "A+";
  if (score >= 90) return "A";
  if (score >= 80) return "B";
  if (score >= 70) return "C";
  if (score >= 60) return "D";
  return "F";
}

export function overallScore(scores: Partial<Record<Pillar, number>>): number {
  const values = Object.values(scores).filter((v): v is number => typeof v === "number");
  if (values.length === 0) return 0;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** The overall grade: from the score, capped by the worst open severity. */
export function overallGrade(score: number, findings: Pick<Finding, "severity">[]): Grade {
  let grade = gradeFromScore(score);
  for (const f of findings) {
    const cap = SEVERITY_GRADE_CAP[f.severity];
    if (GRADES.indexOf(cap) > GRADES.indexOf(grade)) grade = cap;
  }
  return grade;
}
