import type { Comment } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { dispatchMail } from "../mail/dispatch-mail";
import { notifyMember } from "../notifications/notify-member";
import { parseMentions } from "./parse-mentions";

export const COMMENT_MAX = 10_000;

/**
 * A comment (markdown, rendered escaped) on a finding or a task of the organization. Members it @mentions are
 * notified (in-app, and by e-mail unless they turned it off); the author is not notified of their own mention.
 */
export async function createComment(
  actor: Actor,
  input: { target: { findingId: string } | { taskId: string }; body: string; now?: Date },
  prisma?: Prisma,
): Promise<Comment> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > COMMENT_MAX) throw new ServiceError("invalid_params", `body must be 1 to ${COMMENT_MAX} characters.`);
  const db = prisma ?? (await getPrisma());
  const mailIds: string[] = [];
  const comment = await db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { slug: true } });
    let where: string;
    let path: string;
    let ref: { findingId: string | null; taskId: string | null };
    if ("findingId" in input.target) {
      const f = await tx.finding.findFirst({ where: { id: input.target.findingId, organizationId: actor.orgId }, select: { id: true, title: true } });
      if (!f) throw new ServiceError("not_found", "Finding not found.");
      where = `finding “${f.title}”`;
      path = `/o/${org.slug}/findings?finding=${encodeURIComponent(f.id)}`;
      ref = { findingId: f.id, taskId: null };
    } else {
      const t = await tx.task.findFirst({ where: { id: input.target.taskId, organizationId: actor.orgId }, select: { id: true, title: true } });
      if (!t) throw new ServiceError("not_found", "Task not found.");
      where = `task “${t.title}”`;
      path = `/o/${org.slug}/tasks?task=${encodeURIComponent(t.id)}`;
      ref = { findingId: null, taskId: t.id };
    }
    const members = await tx.membership.findMany({
      where: { organizationId: actor.orgId, status: "active", userId: { not: null } },
      select: { user: { select: { id: true, email: true, name: true } } },
    });
    const mentions = parseMentions(
      body,
      members.flatMap((m) => (m.user ? [{ userId: m.user.id, email: m.user.email, name: m.user.name }] : [])),
    );
    const created = await tx.comment.create({
      data: { organizationId: actor.orgId, ...ref, authorId: actor.userId, apiKeyId: actor.apiKeyId, body, mentions, ...(input.now ? { createdAt: input.now } : {}) },
    });
    const author = actor.userId ? await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true } }) : null;
    const who = author ? (author.name ?? author.email) : "An API key";
    for (const userId of mentions) {
      if (userId === actor.userId) continue;
      const { mailId } = await notifyMember(tx, {
        orgId: actor.orgId,
        userId,
        kind: "mention",
        title: `${who} mentioned you on the ${where}`,
        body: body.slice(0, 500),
        path,
        ...ref,
        commentId: created.id,
        dedupeKey: `mention:${created.id}`,
      });
      if (mailId) mailIds.push(mailId);
    }
    await recordAuditEvent(tx, actor, {
      action: "comment.create",
      targetType: ref.taskId ? "task" : "finding",
      targetId: ref.taskId ?? ref.findingId,
      metadata: { comment_id: created.id, mentions },
    });
    return created;
  });
  await dispatchMail({ mailIds, deferToSweeper: prisma !== undefined });
  return comment;
}
