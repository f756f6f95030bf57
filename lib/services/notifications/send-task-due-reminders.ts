import { getPrisma, type Prisma } from "@/lib/db";
import { dispatchMail } from "../mail/dispatch-mail";
import { notifyMember } from "./notify-member";

/** A task is "due soon" within this many hours of its due date. */
export const DUE_SOON_HOURS = 24;

/**
 * Reminds assignees of open tasks due within DUE_SOON_HOURS, and again once they are past due. Each reminder is
 * sent once per task and due date (the notification's dedupe key holds the date, so moving the date re-arms
 * it). Runs hourly; safe to run again at any time.
 */
export async function sendTaskDueReminders(input: { now?: Date } = {}, prisma?: Prisma): Promise<{ dueSoon: number; overdue: number }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000);
  const tasks = await db.task.findMany({
    where: { status: { not: "done" }, assigneeId: { not: null }, dueAt: { not: null, lte: soon } },
    select: { id: true, organizationId: true, title: true, dueAt: true, assigneeId: true, organization: { select: { slug: true } } },
    take: 5_000,
  });
  let dueSoon = 0;
  let overdue = 0;
  const mailIds: string[] = [];
  for (const t of tasks) {
    const dueAt = t.dueAt;
    const assigneeId = t.assigneeId;
    if (!dueAt || !assigneeId) continue;
    const past = dueAt <= now;
    const day = dueAt.toISOString().slice(0, 10);
    const res = await db.$transaction((tx) =>
      notifyMember(tx, {
        orgId: t.organizationId,
        userId: assigneeId,
        kind: past ? "task_overdue" : "task_due_soon",
        title: past ? `Task overdue: ${t.title}` : `Task due soon: ${t.title}`,
        body: past ? `It was due ${day}.` : `It is due ${day}.`,
        path: `/o/${t.organization.slug}/tasks?task=${encodeURIComponent(t.id)}`,
        taskId: t.id,
        dedupeKey: `${past ? "overdue" : "due"}:${t.id}:${dueAt.toISOString()}`,
      }),
    );
    if (!res.notified) continue;
    if (past) overdue++;
    else dueSoon++;
    if (res.mailId) mailIds.push(res.mailId);
  }
  await dispatchMail({ mailIds, deferToSweeper: prisma !== undefined });
  return { dueSoon, overdue };
}
