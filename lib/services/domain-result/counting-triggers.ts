import type { ScanTrigger } from "@/generated/prisma/enums";

/**
 * Scans that count toward a domain's public result. An allowlist on purpose: `verification` re-checks the fix
 * of single findings on a few pages, so it says nothing about a whole pillar; and any trigger added later (a
 * `recheck` of one finding, say) stays out until somebody decides here that it covers whole pillars.
 */
export const COUNTING_TRIGGERS = ["manual", "schedule", "api"] as const satisfies readonly ScanTrigger[];

export function triggerCounts(trigger: string): boolean {
  return (COUNTING_TRIGGERS as readonly string[]).includes(trigger);
}

/** Finding statuses that cap the overall grade: still a problem on the site (accepted risk is still a risk). */
export const CAPPING_STATUSES = ["open", "in_progress", "accepted_risk"] as const;
