import type { Severity } from "../../types";

export type AxeImpact = "minor" | "moderate" | "serious" | "critical";

export interface AxeRuleMeta {
  id: string;
  help: string;
  /** axe's own impact for the rule; a violation may carry a lower one per node */
  impact: AxeImpact;
  /** WCAG level; null for best-practice rules */
  level: "A" | "AA" | null;
  /** WCAG success criteria, e.g. "1.1.1" (none for best-practice rules) */
  wcag: string[];
  /** "wcag": a WCAG A/AA failure; "best-practice": axe's advice beyond WCAG, reported and scored as such */
  kind: "wcag" | "best-practice";
}

/** Best-practice findings are advice, not conformance failures: never worse than low, and they weigh little. */
export const BEST_PRACTICE_SEVERITY: Severity = "low";
export const BEST_PRACTICE_WEIGHT = 1;

/**
 * axe impact -> Plumb severity. Plumb's "critical" means an exploitable security or data-exposure defect
 * and caps the overall grade hard; an accessibility barrier, even one that locks a screen-reader user out
 * (axe "critical": unlabeled button, image without alt, field without label), is "high". axe "serious"
 * (contrast, missing lang) and "moderate" (zoom disabled, autoplaying audio) are real WCAG A/AA failures
 * that leave some workaround -> "medium" (the score weight still tells them apart: 7 vs 3); "minor"
 * (deprecated role, server-side image map) -> "low".
 */
export const IMPACT_SEVERITY: Record<AxeImpact, Severity> = {
  critical: "high",
  serious: "medium",
  moderate: "medium",
  minor: "low",
};

/**
 * Score weight per axe impact, the scheme Lighthouse's accessibility category uses (10/7/3/1): a failing
 * rule that blocks users costs the pillar score far more than a minor one.
 */
export const IMPACT_WEIGHT: Record<AxeImpact, number> = {
  critical: 10,
  serious: 7,
  moderate: 3,
  minor: 1,
};
