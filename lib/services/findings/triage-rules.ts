import { ServiceError } from "../errors";
import type { FindingStatus } from "./finding-status";

/** Statuses that stop a finding from counting as a problem: a person must say why. */
export const JUSTIFIED_STATUSES: readonly FindingStatus[] = ["false_positive", "accepted_risk"];
export const JUSTIFICATION_MAX = 2_000;

export interface TriageDecision {
  status?: FindingStatus;
  justification?: string | null;
  /** accepted_risk only: it re-opens after this moment */
  acceptedUntil?: Date | null;
}

/**
 * Checks a status change's reason: false_positive and accepted_risk need a justification; an expiry goes
 * only with accepted_risk and must lie in the future. Returns the trimmed justification.
 */
export function checkTriageDecision(d: TriageDecision, now: Date): { justification: string | null; acceptedUntil: Date | null } {
  const justification = d.justification?.trim() || null;
  const issues: { path: string[]; message: string; code: "custom" }[] = [];
  if (d.status && JUSTIFIED_STATUSES.includes(d.status) && !justification) {
    issues.push({ path: ["justification"], message: `A justification is required to mark a finding ${d.status.replace("_", " ")}.`, code: "custom" });
  }
  if (justification && justification.length > JUSTIFICATION_MAX) {
    issues.push({ path: ["justification"], message: `At most ${JUSTIFICATION_MAX} characters.`, code: "custom" });
  }
  const acceptedUntil = d.acceptedUntil ?? null;
  if (acceptedUntil) {
    if (d.status !== "accepted_risk") issues.push({ path: ["accepted_until"], message: "An expiry date goes with status accepted_risk only.", code: "custom" });
    else if (acceptedUntil.getTime() <= now.getTime()) issues.push({ path: ["accepted_until"], message: "The expiry date must be in the future.", code: "custom" });
  }
  if (issues.length > 0) throw new ServiceError("invalid_params", issues[0].message, { issues });
  return { justification, acceptedUntil };
}
