export const FINDING_STATUSES = ["open", "in_progress", "resolved", "accepted_risk", "false_positive"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

/** Worst first. */
export function bySeverity(a: { severity: keyof typeof SEVERITY_RANK }, b: { severity: keyof typeof SEVERITY_RANK }): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}
