import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { assertAssignable } from "../findings/assert-assignable";
import { dispatchMail } from "../mail/dispatch-mail";
import { notifyTaskAssignee } from "./notify-assignee";
import { recordTaskEvent } from "./record-task-event";
import { TASK_FINDINGS_MAX, taskInclude, type TaskPriority, type TaskStatus, type TaskWithLinks } from "./task-shape";

export interface TaskPatch {
  title?: string;
  description?: string | null;
  status?: TaskStatus;
  priority?: TaskPriority;
  assigneeId?: string | null;
  dueAt?: Date | null;
  /** replaces the linked findings (at least one) */
  findingIds?: string[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Edits a task; each changed field gets a history line, the audit event holds before/after. */
export async function updateTask(actor: Actor, input: { taskId: string; patch: TaskPatch; now?: Date }, prisma?: Prisma): Promise<TaskWithLinks> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const p = input.patch;
  const mailIds: string[] = [];
  const task = await db.$transaction(async (tx) => {
    const before = await tx.task.findFirst({ where: { id: input.taskId, organizationId: actor.orgId }, include: { findings: { select: { findingId: true } } } });
    if (!before) throw new ServiceError("not_found", "Task not found.");
    if (p.assigneeId) await assertAssignable(tx, { orgId: actor.orgId, userId: p.assigneeId });
    const changes: Record<string, [unknown, unknown]> = {};
    const event = async (kind: string, from: string | null, to: string | null) => {
      changes[kind] = [from, to];
      await recordTaskEvent(tx, { taskId: before.id, orgId: actor.orgId, actor, kind, from, to, now });
    };
    if (p.findingIds !== undefined) {
      const ids = [...new Set(p.findingIds)];
      if (ids.length === 0 || ids.length > TASK_FINDINGS_MAX) throw new ServiceError("invalid_params", `finding_ids must list 1 to ${TASK_FINDINGS_MAX} findings.`);
      const owned = await tx.finding.count({ where: { id: { in: ids }, organizationId: actor.orgId } });
      if (owned !== ids.length) throw new ServiceError("not_found", `${ids.length - owned} of the findings were not found.`);
      const old = before.findings.map((f) => f.findingId).sort();
      if (ids.slice().sort().join() !== old.join()) {
        await tx.taskFinding.deleteMany({ where: { taskId: before.id, findingId: { notIn: ids } } });
        await tx.taskFinding.createMany({ data: ids.map((findingId) => ({ taskId: before.id, findingId, createdAt: now })), skipDuplicates: true });
        await event("findings", String(old.length), String(ids.length));
      }
    }
    if (p.title !== undefined && p.title !== before.title) await event("title", before.title, p.title);
    if (p.description !== undefined && (p.description ?? null) !== before.description) {
      changes.description = [before.description !== null, p.description !== null];
      await recordTaskEvent(tx, { taskId: before.id, orgId: actor.orgId, actor, kind: "description", now });
    }
    if (p.status !== undefined && p.status !== before.status) await event("status", before.status, p.status);
    if (p.priority !== undefined && p.priority !== before.priority) await event("priority", before.priority, p.priority);
    if (p.assigneeId !== undefined && p.assigneeId !== before.assigneeId) await event("assignee", before.assigneeId, p.assigneeId);
    if (p.dueAt !== undefined && iso(p.dueAt) !== iso(before.dueAt)) await event("due", iso(before.dueAt), iso(p.dueAt));
    const updated = await tx.task.update({
      where: { id: before.id },
      data: {
        ...(p.title !== undefined ? { title: p.title } : {}),
        ...(p.description !== undefined ? { description: p.description } : {}),
        ...(p.priority !== undefined ? { priority: p.priority } : {}),
        ...(p.assigneeId !== undefined ? { assigneeId: p.assigneeId } : {}),
        ...(p.dueAt !== undefined ? { dueAt: p.dueAt } : {}),
        ...(p.status !== undefined && p.status !== before.status ? { status: p.status, doneAt: p.status === "done" ? now : null } : {}),
      },
    });
    if (changes.assignee && updated.assigneeId) {
      const mailId = await notifyTaskAssignee(tx, { orgId: actor.orgId, taskId: updated.id, title: updated.title, assigneeId: updated.assigneeId, actorUserId: actor.userId, dueAt: updated.dueAt });
      if (mailId) mailIds.push(mailId);
    }
    if (Object.keys(changes).length > 0) {
      await recordAuditEvent(tx, actor, { action: "task.update", targetType: "task", targetId: before.id, metadata: JSON.parse(JSON.stringify(changes)) });
    }
    return tx.task.findUniqueOrThrow({ where: { id: before.id }, include: taskInclude });
  });
  await dispatchMail({ mailIds, deferToSweeper: prisma !== undefined });
  return task;
}
