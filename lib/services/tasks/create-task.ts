import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { assertAssignable } from "../findings/assert-assignable";
import { dispatchMail } from "../mail/dispatch-mail";
import { notifyTaskAssignee } from "./notify-assignee";
import { recordTaskEvent } from "./record-task-event";
import { TASK_FINDINGS_MAX, taskInclude, type TaskPriority, type TaskStatus, type TaskWithLinks } from "./task-shape";

export interface CreateTaskInput {
  title: string;
  description?: string | null;
  findingIds: string[];
  assigneeId?: string | null;
  dueAt?: Date | null;
  priority?: TaskPriority;
  status?: TaskStatus;
  now?: Date;
}

/**
 * A task over one or more findings of the organization (another organization's finding: 404, nothing
 * created). The assignee must be an active member (422) and is notified. History and audit in the same
 * transaction.
 */
export async function createTask(actor: Actor, input: CreateTaskInput, prisma?: Prisma): Promise<TaskWithLinks> {
  const ids = [...new Set(input.findingIds)];
  if (ids.length === 0 || ids.length > TASK_FINDINGS_MAX) {
    throw new ServiceError("invalid_params", `finding_ids must list 1 to ${TASK_FINDINGS_MAX} findings.`);
  }
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const mailIds: string[] = [];
  const task = await db.$transaction(async (tx) => {
    const owned = await tx.finding.count({ where: { id: { in: ids }, organizationId: actor.orgId } });
    if (owned !== ids.length) throw new ServiceError("not_found", `${ids.length - owned} of the findings were not found.`);
    if (input.assigneeId) await assertAssignable(tx, { orgId: actor.orgId, userId: input.assigneeId });
    const status = input.status ?? "todo";
    const created = await tx.task.create({
      data: {
        organizationId: actor.orgId,
        title: input.title,
        description: input.description ?? null,
        assigneeId: input.assigneeId ?? null,
        createdById: actor.userId,
        dueAt: input.dueAt ?? null,
        priority: input.priority ?? "medium",
        status,
        doneAt: status === "done" ? now : null,
        createdAt: now,
        findings: { create: ids.map((findingId) => ({ findingId, createdAt: now })) },
      },
    });
    await recordTaskEvent(tx, { taskId: created.id, orgId: actor.orgId, actor, kind: "created", to: status, note: `${ids.length} finding${ids.length === 1 ? "" : "s"}`, now });
    if (created.assigneeId) {
      await recordTaskEvent(tx, { taskId: created.id, orgId: actor.orgId, actor, kind: "assignee", to: created.assigneeId, now });
      const mailId = await notifyTaskAssignee(tx, { orgId: actor.orgId, taskId: created.id, title: created.title, assigneeId: created.assigneeId, actorUserId: actor.userId, dueAt: created.dueAt });
      if (mailId) mailIds.push(mailId);
    }
    await recordAuditEvent(tx, actor, {
      action: "task.create",
      targetType: "task",
      targetId: created.id,
      metadata: { finding_ids: ids, assignee_id: created.assigneeId, priority: created.priority, status, due_at: created.dueAt?.toISOString() ?? null },
    });
    return tx.task.findUniqueOrThrow({ where: { id: created.id }, include: taskInclude });
  });
  await dispatchMail({ mailIds, deferToSweeper: prisma !== undefined });
  return task;
}
