import { getPrisma, type Prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ServiceError } from "../errors";

/**
 * Accepts an invitation with its link's token, for the signed-in user. Only the holder of the link, signed
 * in with the invited address, can accept: another address is refused (forbidden), an unknown, used or
 * revoked token is not_found, an expired one conflict. The token works once. The link reached that mailbox,
 * so accepting verifies the address. Already a member: the invitation is used up and the membership kept.
 */
export async function acceptInvitation(input: { token: string; userId: string }, prisma?: Prisma): Promise<{ organization: { id: string; slug: string; name: string } }> {
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    const invite = await tx.membership.findUnique({
      where: { inviteTokenHash: sha256Hex(input.token) },
      include: { organization: { select: { id: true, slug: true, name: true } } },
    });
    if (!invite || invite.status !== "pending" || !invite.invitedEmail) {
      throw new ServiceError("not_found", "This invitation link is not valid any more: it was used, revoked or replaced by a newer one.");
    }
    if (!invite.inviteExpiresAt || invite.inviteExpiresAt <= new Date()) {
      throw new ServiceError("conflict", "This invitation has expired. Ask the person who invited you to send a new one.");
    }
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, emailVerified: true } });
    if (!user) throw new ServiceError("not_found", "Sign in to accept this invitation.");
    if (user.email !== invite.invitedEmail) {
      throw new ServiceError(
        "forbidden",
        `This invitation was sent to ${invite.invitedEmail}, but you are signed in as ${user.email}. Sign in with ${invite.invitedEmail} to accept it.`,
      );
    }
    const actor = { orgId: invite.organizationId, userId: user.id, apiKeyId: null, requestId: null };
    const existing = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: invite.organizationId, userId: user.id } },
      select: { id: true },
    });
    if (existing) {
      await tx.membership.delete({ where: { id: invite.id } });
    } else {
      // Guarded on the token: of two accepts racing, one wins.
      const done = await tx.membership.updateMany({
        where: { id: invite.id, status: "pending", inviteTokenHash: invite.inviteTokenHash },
        data: { userId: user.id, status: "active", inviteTokenHash: null, inviteExpiresAt: null },
      });
      if (done.count === 0) throw new ServiceError("not_found", "This invitation link is not valid any more.");
    }
    if (!user.emailVerified) await tx.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    await recordAuditEvent(tx, actor, { action: "member.invite_accept", targetType: "membership", targetId: existing?.id ?? invite.id, metadata: { email: user.email, role: invite.role } });
    return { organization: invite.organization };
  });
}
