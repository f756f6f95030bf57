import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { loadManagerRole, otherActiveOwners } from "./load-manager";
import { canAssignRole } from "./member-permissions";

/** Removes a member or withdraws a pending invitation. The last active owner cannot be removed. */
export async function removeMember(actor: Actor, input: { membershipId: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  await db.$transaction(async (tx) => {
    const actorRole = await loadManagerRole(tx, actor);
    const target = await tx.membership.findFirst({ where: { id: input.membershipId, organizationId: actor.orgId } });
    if (!target) throw new ServiceError("not_found", "Member not found.");
    // Removal is judged like a change of role: admins cannot remove owners.
    if (!canAssignRole(actorRole, target.role, "viewer")) throw new ServiceError("forbidden", "Only owners can remove an owner.");
    if (target.role === "owner" && target.status === "active" && (await otherActiveOwners(tx, actor.orgId, target.id)) === 0) {
      throw new ServiceError("conflict", "An organization needs at least one owner: make someone else an owner first.");
    }
    await tx.membership.delete({ where: { id: target.id } });
    await recordAuditEvent(tx, actor, {
      action: target.status === "pending" ? "member.invite_withdraw" : "member.remove",
      targetType: "membership",
      targetId: target.id,
      metadata: { role: target.role, ...(target.invitedEmail ? { email: target.invitedEmail } : {}) },
    });
  });
}
