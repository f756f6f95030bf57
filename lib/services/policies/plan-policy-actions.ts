// The one place that decides what automation policies do to findings. Pure: simulation (nothing written) and
// the scan-time application run the same plan, so the preview shows exactly what saving would do.
import type { Severity } from "@/lib/scanner/types";
import type { FindingStatus } from "../findings/finding-status";
import { findingMatches, type AutomationRules, type MatchableFinding, type PolicyActionType } from "./policy-rules";

export interface PlanFinding extends MatchableFinding {
  id: string;
  domainId: string;
  title: string;
  status: FindingStatus;
  /** A member set the status last: automation never overrides a person. */
  humanStatus: boolean;
  /** A member set the severity last. */
  humanSeverity: boolean;
  /** Linked to a task that is not done: a create_task action has nothing to add. */
  openTask: boolean;
  /**
   * Policies that already created a task for this finding since it was last (re)opened. Their task is no
   * longer open, so a member finished, removed or unlinked it: the policy does not create it again.
   */
  taskedByPolicies: string[];
  /** Integrations the finding is already linked to (pending or filed). */
  integrationIds: string[];
}

export interface PlanPolicy {
  id: string;
  name: string;
  domainId: string | null;
  rules: AutomationRules;
}

export type SkipReason = "human_decision" | "no_change";

export interface PlannedAction {
  findingId: string;
  policyId: string;
  policyName: string;
  action: PolicyActionType;
  /**
   * status or severity before / after; the channel for notify actions; the assignee (null: unassigned) for
   * create_task; the integration for sync_integration
   */
  from: string | null;
  to: string | null;
  justification: string | null;
  acceptedUntil: Date | null;
  /** create_task: the task's due date and priority */
  dueAt: Date | null;
  priority: "low" | "medium" | "high" | "urgent" | null;
  skipped: SkipReason | null;
}

const DAY_MS = 86_400_000;
/** Statuses a policy may still decide: a resolved finding is left alone. */
const DECIDABLE: readonly FindingStatus[] = ["open", "in_progress", "accepted_risk", "false_positive"];

/** Statuses that still call for work: a task or an issue for a risk accepted or a false positive is noise. */
const ACTIONABLE: readonly FindingStatus[] = ["open", "in_progress"];

/**
 * Why a work action (create a task, file an issue) does nothing for a finding no longer open: a member
 * accepted it or called it a false positive (their decision stands), or a policy did (nothing to do).
 */
function workSkip(f: PlanFinding): SkipReason | null {
  if (ACTIONABLE.includes(f.status)) return null;
  return f.humanStatus ? "human_decision" : "no_change";
}

/**
 * Every action of every matching policy, in order (policies by position, actions as written), each seeing the
 * finding as the earlier ones left it. Status actions skip findings whose status a person set; severity
 * actions skip findings whose severity a person set. An action that changes nothing is reported as no_change.
 * Work actions (create_task, sync_integration) apply only to open and in-progress findings; a task is not
 * created twice (an open task exists, or a member closed the one this policy created) nor an issue filed twice.
 */
export function planPolicyActions(findings: PlanFinding[], policies: PlanPolicy[], now: Date): PlannedAction[] {
  const out: PlannedAction[] = [];
  for (const original of findings) {
    if (!DECIDABLE.includes(original.status)) continue;
    const f = { ...original };
    for (const p of policies) {
      if (p.domainId && p.domainId !== f.domainId) continue;
      if (!findingMatches(p.rules.match, f)) continue;
      for (const a of p.rules.actions) {
        const base = { findingId: f.id, policyId: p.id, policyName: p.name, action: a.type, justification: null, acceptedUntil: null, dueAt: null, priority: null };
        switch (a.type) {
          case "set_severity": {
            const skipped: SkipReason | null = f.humanSeverity ? "human_decision" : f.severity === a.severity ? "no_change" : null;
            out.push({ ...base, from: f.severity, to: a.severity, skipped });
            if (!skipped) f.severity = a.severity as Severity;
            break;
          }
          case "accept_risk":
          case "mark_false_positive": {
            const to: FindingStatus = a.type === "accept_risk" ? "accepted_risk" : "false_positive";
            const skipped: SkipReason | null = f.humanStatus ? "human_decision" : f.status === to ? "no_change" : null;
            out.push({
              ...base,
              from: f.status,
              to,
              justification: a.justification,
              acceptedUntil: a.type === "accept_risk" ? new Date(now.getTime() + a.expires_in_days * DAY_MS) : null,
              skipped,
            });
            if (!skipped) f.status = to;
            break;
          }
          case "notify_channel":
            out.push({ ...base, from: null, to: a.channel_id, skipped: null });
            break;
          case "create_task": {
            const skipped: SkipReason | null =
              workSkip(f) ?? (f.openTask ? "no_change" : f.taskedByPolicies.includes(p.id) ? "human_decision" : null);
            out.push({
              ...base,
              from: null,
              to: a.assignee_id ?? null,
              dueAt: a.due_in_days === undefined || a.due_in_days === null ? null : new Date(now.getTime() + a.due_in_days * DAY_MS),
              priority: a.priority ?? "medium",
              skipped,
            });
            if (!skipped) f.openTask = true;
            break;
          }
          case "sync_integration": {
            const skipped: SkipReason | null = workSkip(f) ?? (f.integrationIds.includes(a.integration_id) ? "no_change" : null);
            out.push({ ...base, from: null, to: a.integration_id, skipped });
            if (!skipped) f.integrationIds = [...f.integrationIds, a.integration_id];
            break;
          }
        }
      }
    }
  }
  return out;
}
