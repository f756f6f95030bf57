import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import type { Membership } from "@/generated/prisma/client";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { isUniqueViolation } from "../prisma-errors";
import { loadManagerRole } from "./load-manager";
import { MEMBER_ROLES, canAssignRole } from "./member-permissions";
import { dispatchMail } from "../mail/dispatch-mail";
import { queueInvitationMail } from "../invitations/queue-invitation-mail";

export const inviteMemberInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address." })).pipe(z.string().max(254)),
  role: z.enum(MEMBER_ROLES),
});
export type InviteMemberInput = z.input<typeof inviteMemberInput>;

/**
 * Invites an email address: a pending membership and an e-mail with a single-use link (7 days). Only the
 * holder of that link, signed in with this address, can accept it (lib/services/invitations). Inviting an
 * address that is already a member or already invited is a conflict, not a second row.
 */
export async function inviteMember(actor: Actor, input: InviteMemberInput, prisma?: Prisma): Promise<Membership> {
  const parsed = inviteMemberInput.safeParse(input);
  if (!parsed.success) {
    throw new ServiceError("invalid_params", parsed.error.issues.map((i) => i.message).join(" "), { issues: parsed.error.issues });
  }
  const { email, role } = parsed.data;
  const db = prisma ?? (await getPrisma());
  try {
    const { membership, mailId } = await db.$transaction(async (tx) => {
      const actorRole = await loadManagerRole(tx, actor);
      if (!canAssignRole(actorRole, null, role)) throw new ServiceError("forbidden", "Only owners can invite owners.");
      const existing = await tx.membership.findFirst({
        where: { organizationId: actor.orgId, OR: [{ invitedEmail: email }, { user: { email } }] },
        select: { status: true },
      });
      if (existing) {
        throw new ServiceError("conflict", existing.status === "pending" ? `${email} is already invited.` : `${email} is already a member.`);
      }
      const membership = await tx.membership.create({
        data: { organizationId: actor.orgId, invitedEmail: email, role, status: "pending" },
      });
      const mailId = await queueInvitationMail(tx, { membershipId: membership.id, orgId: actor.orgId, email, role, inviterUserId: actor.userId });
      await recordAuditEvent(tx, actor, { action: "member.invite", targetType: "membership", targetId: membership.id, metadata: { email, role } });
      return { membership, mailId };
    });
    await dispatchMail({ mailIds: [mailId], deferToSweeper: prisma !== undefined });
    return membership;
  } catch (err) {
    // Two admins inviting the same address at once: the unique (organization, invited email) decides.
    if (isUniqueViolation(err)) throw new ServiceError("conflict", `${email} is already invited.`);
    throw err;
  }
}
