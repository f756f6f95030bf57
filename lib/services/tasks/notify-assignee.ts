import type { PrismaNS } from "@/lib/db";
import { notifyMember } from "../notifications/notify-member";

/** Tells a task's new assignee (not when they assigned it to themselves). Returns the mail id, if any. */
export async function notifyTaskAssignee(
  tx: PrismaNS.TransactionClient,
  input: { orgId: string; taskId: string; title: string; assigneeId: string; actorUserId: string | null; dueAt: Date | null },
): Promise<string | null> {
  if (input.assigneeId === input.actorUserId) return null;
  const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { slug: true } });
  const due = input.dueAt ? ` Due ${input.dueAt.toISOString().slice(0, 10)}.` : "";
  const { mailId } = await notifyMember(tx, {
    orgId: input.orgId,
    userId: input.assigneeId,
    kind: "task_assigned",
    title: `Task assigned to you: ${input.title}`,
    body: `You are now the assignee of this task.${due}`,
    path: `/o/${org.slug}/tasks?task=${encodeURIComponent(input.taskId)}`,
    taskId: input.taskId,
  });
  return mailId;
}
