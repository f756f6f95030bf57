import type { PrismaNS } from "@/lib/db";
import { randomToken, sha256Hex } from "@/lib/crypto";
import { appUrl } from "../mail/app-url";
import { queueMail } from "../mail/queue-mail";
import { invitationMail } from "../mail/templates";
import { INVITATION_TTL_DAYS, INVITATION_TTL_MS } from "./invitation-ttl";

/**
 * Gives a pending membership a new single-use token (replacing any earlier one, which stops working) valid
 * for INVITATION_TTL_DAYS, and queues the invitation e-mail with the link, in the caller's transaction.
 * Returns the mail id for dispatchMail() after the commit.
 */
export async function queueInvitationMail(
  tx: PrismaNS.TransactionClient,
  input: { membershipId: string; orgId: string; email: string; role: string; inviterUserId: string | null },
): Promise<string> {
  const token = randomToken(32, "base64url");
  await tx.membership.update({
    where: { id: input.membershipId },
    data: { inviteTokenHash: sha256Hex(token), inviteExpiresAt: new Date(Date.now() + INVITATION_TTL_MS), invitedById: input.inviterUserId },
  });
  const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { name: true } });
  const inviter = input.inviterUserId
    ? await tx.user.findUnique({ where: { id: input.inviterUserId }, select: { name: true, email: true } })
    : null;
  const content = invitationMail({
    orgName: org.name,
    inviterName: inviter ? (inviter.name ?? inviter.email) : null,
    role: input.role,
    link: appUrl(`/invite/${token}`),
    expiresDays: INVITATION_TTL_DAYS,
  });
  const { id } = await queueMail({ tx, kind: "organization", organizationId: input.orgId, template: "invitation", to: input.email, ...content });
  return id;
}
