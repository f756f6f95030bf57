import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { dispatchMail } from "../mail/dispatch-mail";
import { loadManagerRole } from "../members/load-manager";
import { canAssignRole } from "../members/member-permissions";
import { queueInvitationMail } from "./queue-invitation-mail";

/**
 * Sends a pending invitation again with a new link valid for another seven days; the previous link stops
 * working. Owners and admins (admins not for owner invitations).
 */
export async function resendInvitation(actor: Actor, input: { membershipId: string }, prisma?: Prisma): Promise<{ email: string }> {
  const db = prisma ?? (await getPrisma());
  const { email, mailId } = await db.$transaction(async (tx) => {
    const actorRole = await loadManagerRole(tx, actor);
    const invite = await tx.membership.findFirst({ where: { id: input.membershipId, organizationId: actor.orgId } });
    if (!invite) throw new ServiceError("not_found", "Invitation not found.");
    if (invite.status !== "pending" || !invite.invitedEmail) throw new ServiceError("conflict", "This person has already joined.");
    if (!canAssignRole(actorRole, null, invite.role)) throw new ServiceError("forbidden", "Only owners can resend an owner invitation.");
    const id = await queueInvitationMail(tx, { membershipId: invite.id, orgId: actor.orgId, email: invite.invitedEmail, role: invite.role, inviterUserId: actor.userId });
    await recordAuditEvent(tx, actor, { action: "member.invite_resend", targetType: "membership", targetId: invite.id, metadata: { email: invite.invitedEmail } });
    return { email: invite.invitedEmail, mailId: id };
  });
  await dispatchMail({ mailIds: [mailId], deferToSweeper: prisma !== undefined });
  return { email };
}
