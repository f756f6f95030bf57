import type { PrismaNS } from "@/lib/db";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event";
import { notifyTaskAssignee } from "../tasks/notify-assignee";
import { recordTaskEvent } from "../tasks/record-task-event";
import type { PlannedAction } from "./plan-policy-actions";

const TITLE_MAX = 200;

/**
 * A create_task action for one finding, inside the policy run's transaction: the task (titled after the
 * finding, linked to it), its history, a "task" line in the finding's history (policyId set, so the next scan
 * knows this policy did its part), the audit events, and the assignee's notification. An assignee who is no
 * longer an active member leaves the task unassigned rather than failing the whole run.
 * Returns the queued mail id (sent after the commit).
 */
export async function applyPolicyTask(
  tx: PrismaNS.TransactionClient,
  input: { action: PlannedAction; orgId: string; scanId: string; now: Date },
): Promise<{ taskId: string; mailId: string | null }> {
  const { action: a, orgId, now } = input;
  const finding = await tx.finding.findFirstOrThrow({ where: { id: a.findingId, organizationId: orgId }, select: { id: true, title: true } });
  const assigneeId = a.to
    ? ((await tx.membership.findFirst({ where: { organizationId: orgId, userId: a.to, status: "active" }, select: { userId: true } }))?.userId ?? null)
    : null;
  const title = `Fix: ${finding.title}`.slice(0, TITLE_MAX);
  const task = await tx.task.create({
    data: {
      organizationId: orgId,
      title,
      description: `Created by the automation policy “${a.policyName}” when a scan found this problem.`,
      assigneeId,
      createdById: null,
      dueAt: a.dueAt,
      priority: a.priority ?? "medium",
      status: "todo",
      createdAt: now,
      findings: { create: [{ findingId: finding.id, createdAt: now }] },
    },
  });
  await recordTaskEvent(tx, { taskId: task.id, orgId, actor: null, kind: "created", to: "todo", note: `By the automation policy “${a.policyName}”`, now });
  let mailId: string | null = null;
  if (assigneeId) {
    await recordTaskEvent(tx, { taskId: task.id, orgId, actor: null, kind: "assignee", to: assigneeId, now });
    mailId = await notifyTaskAssignee(tx, { orgId, taskId: task.id, title, assigneeId, actorUserId: null, dueAt: task.dueAt });
  }
  const due = task.dueAt ? `, due ${task.dueAt.toISOString().slice(0, 10)}` : "";
  await tx.findingEvent.create({
    data: {
      findingId: finding.id,
      organizationId: orgId,
      actorId: null,
      policyId: a.policyId,
      kind: "task",
      justification: `The automation policy “${a.policyName}” created the task “${title}”${assigneeId ? "" : " (unassigned)"}${due}.`,
      createdAt: now,
    },
  });
  const actor = systemActor(orgId);
  await recordAuditEvent(tx, actor, {
    action: "task.create",
    targetType: "task",
    targetId: task.id,
    metadata: { finding_ids: [finding.id], assignee_id: assigneeId, priority: task.priority, status: "todo", due_at: task.dueAt?.toISOString() ?? null, policy_id: a.policyId },
  });
  await recordAuditEvent(tx, actor, {
    action: "policy.apply",
    targetType: "finding",
    targetId: finding.id,
    metadata: { policy_id: a.policyId, policy_name: a.policyName, action: "create_task", scan_id: input.scanId, task_id: task.id },
    after: { task_id: task.id, assignee_id: assigneeId, due_at: task.dueAt?.toISOString() ?? null },
  });
  return { taskId: task.id, mailId };
}
