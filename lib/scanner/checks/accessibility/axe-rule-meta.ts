import type { Severity } from "../../types";

export type AxeImpact = "minor" | "moderate" | "serious" | "critical";

export interface AxeRuleMeta {
  id: string;
  help: string;
  /** axe's own impact for the rule; a violation may carry a lower one per node */
  impact: AxeImpact;
  level: "A" | "AA";
  /** WCAG success criteria, e.g. "1.1.1" */
  wcag: string[];
  /** experimental/deprecated rules only run when gather opts into them; otherwise they stay n/a */
  status: "stable" | "experimental" | "deprecated";
}

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
