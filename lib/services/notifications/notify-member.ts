import type { PrismaNS } from "@/lib/db";
import { appUrl } from "../mail/app-url";
import { queueMail } from "../mail/queue-mail";
import { notificationMail } from "../mail/templates";

export type NotificationKind = "task_assigned" | "mention" | "task_due_soon" | "task_overdue";

export interface NotifyMemberInput {
  orgId: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** path inside the app, e.g. /o/acme/tasks?task=… — made absolute for the e-mail */
  path: string;
  taskId?: string | null;
  findingId?: string | null;
  commentId?: string | null;
  /** one notification per user and key: a repeated reminder or a retried write adds nothing */
  dedupeKey?: string | null;
}

/**
 * Writes one in-app notification and, unless the member turned e-mail off, queues the same as an e-mail, in
 * the caller's transaction. Only active members of the organization are notified (a removed member is not).
 * Returns the mail id (for dispatchMail after the commit) or null.
 */
export async function notifyMember(tx: PrismaNS.TransactionClient, input: NotifyMemberInput): Promise<{ notified: boolean; mailId: string | null }> {
  const member = await tx.membership.findFirst({
    where: { organizationId: input.orgId, userId: input.userId, status: "active" },
    select: { user: { select: { email: true, notifyByEmail: true } }, organization: { select: { name: true } } },
  });
  if (!member?.user) return { notified: false, mailId: null };
  const title = input.title.slice(0, 300);
  const body = input.body ? input.body.slice(0, 2_000) : null;
  if (input.dedupeKey) {
    // ON CONFLICT: the unique (userId, dedupeKey) makes a second reminder a no-op without aborting the transaction.
    const inserted = await tx.$executeRaw`
      INSERT INTO "Notification" ("id", "organizationId", "userId", "kind", "title", "body", "taskId", "findingId", "commentId", "dedupeKey")
      VALUES (${`ntf_${crypto.randomUUID().replace(/-/g, "")}`}, ${input.orgId}, ${input.userId}, ${input.kind}, ${title}, ${body},
              ${input.taskId ?? null}, ${input.findingId ?? null}, ${input.commentId ?? null}, ${input.dedupeKey})
      ON CONFLICT ("userId", "dedupeKey") DO NOTHING`;
    if (inserted === 0) return { notified: false, mailId: null };
  } else {
    await tx.notification.create({
      data: {
        organizationId: input.orgId,
        userId: input.userId,
        kind: input.kind,
        title,
        body,
        taskId: input.taskId ?? null,
        findingId: input.findingId ?? null,
        commentId: input.commentId ?? null,
      },
    });
  }
  if (!member.user.notifyByEmail) return { notified: true, mailId: null };
  const content = notificationMail({ orgName: member.organization.name, title, body, link: appUrl(input.path) });
  const { id } = await queueMail({ tx, kind: "organization", organizationId: input.orgId, template: `notification.${input.kind}`, to: member.user.email, ...content });
  return { notified: true, mailId: id };
}
