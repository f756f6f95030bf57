import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";

/** Deletes a task with its history, links and comments (the findings stay). */
export async function deleteTask(actor: Actor, input: { taskId: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  await db.$transaction(async (tx) => {
    const task = await tx.task.findFirst({ where: { id: input.taskId, organizationId: actor.orgId }, select: { id: true, title: true, status: true } });
    if (!task) throw new ServiceError("not_found", "Task not found.");
    await tx.task.delete({ where: { id: task.id } });
    await recordAuditEvent(tx, actor, { action: "task.delete", targetType: "task", targetId: task.id, metadata: { title: task.title, status: task.status } });
  });
}
