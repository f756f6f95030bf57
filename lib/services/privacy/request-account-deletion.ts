import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { appUrl } from "../mail/app-url";
import { dispatchMail } from "../mail/dispatch-mail";
import { queueMail } from "../mail/queue-mail";
import { accountDeletionMail } from "../mail/templates";
import { issueUserToken } from "../users/issue-user-token";
import { deletionDate } from "./deletion-grace";

/** Organizations where the user is the only active owner while somebody else is still a member. */
export async function orgsBlockingAccountDeletion(db: Prisma, input: { userId: string }): Promise<{ id: string; name: string; slug: string }[]> {
  const { userId } = input;
  const owned = await db.membership.findMany({
    where: { userId, role: "owner", status: "active" },
    select: { organization: { select: { id: true, name: true, slug: true } } },
  });
  const blocking: { id: string; name: string; slug: string }[] = [];
  for (const { organization } of owned) {
    const [owners, others] = await Promise.all([
      db.membership.count({ where: { organizationId: organization.id, role: "owner", status: "active" } }),
      db.membership.count({ where: { organizationId: organization.id, status: "active", NOT: { userId } } }),
    ]);
    if (owners === 1 && others > 0) blocking.push(organization);
  }
  return blocking;
}

/**
 * Schedules the account's deletion after the grace period, signs it out everywhere (sessions are rows) and
 * mails the owner a single-use cancel link. Refused while the user is the last owner of an organization
 * others still use: ownership must move first, or the organization go.
 */
export async function requestAccountDeletion(
  input: { userId: string; now?: Date },
  prisma?: Prisma,
): Promise<{ scheduledFor: Date }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
  if (!user) throw new ServiceError("not_found", "User not found.");
  const blocking = await orgsBlockingAccountDeletion(db, { userId: user.id });
  if (blocking.length > 0) {
    throw new ServiceError(
      "conflict",
      `You are the last owner of ${blocking.map((o) => o.name).join(", ")}, which other people still use. Make someone else an owner, or delete the organization, first.`,
      { organizations: blocking.map((o) => o.slug) },
    );
  }
  const scheduledFor = deletionDate(now);
  const mailId = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { deletionRequestedAt: now, deletionScheduledFor: scheduledFor } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    const ttlMs = scheduledFor.getTime() - now.getTime();
    const token = await issueUserToken(tx, { userId: user.id, email: user.email, purpose: "account_deletion_cancel", ttlMs });
    const content = accountDeletionMail({ scheduledFor, cancelLink: appUrl(`/cancel-deletion/${token}`) });
    return (await queueMail({ tx, kind: "personal", template: "account-deletion", to: user.email, ...content })).id;
  });
  await dispatchMail({ mailIds: [mailId], deferToSweeper: prisma !== undefined });
  return { scheduledFor };
}
