import { getPrisma, type Prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ServiceError } from "../errors";

/** Declines an invitation (same conditions as accepting it): the pending membership is deleted. */
export async function declineInvitation(input: { token: string; userId: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  await db.$transaction(async (tx) => {
    const invite = await tx.membership.findUnique({ where: { inviteTokenHash: sha256Hex(input.token) } });
    if (!invite || invite.status !== "pending" || !invite.invitedEmail) throw new ServiceError("not_found", "This invitation link is not valid any more.");
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    if (!user || user.email !== invite.invitedEmail) {
      throw new ServiceError("forbidden", `This invitation was sent to ${invite.invitedEmail}. Sign in with that address to decline it.`);
    }
    await tx.membership.delete({ where: { id: invite.id } });
    await recordAuditEvent(tx, { orgId: invite.organizationId, userId: input.userId, apiKeyId: null, requestId: null }, {
      action: "member.invite_decline",
      targetType: "membership",
      targetId: invite.id,
      metadata: { email: invite.invitedEmail },
    });
  });
}
