import { getPrisma, type Prisma } from "@/lib/db";
import type { MemberRole } from "@/generated/prisma/enums";
import type { Membership } from "@/generated/prisma/client";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { loadManagerRole, otherActiveOwners } from "./load-manager";
import { canAssignRole } from "./member-permissions";

/** Changes a member's (or a pending invitation's) role. The last active owner cannot be demoted. */
export async function changeMemberRole(
  actor: Actor,
  input: { membershipId: string; role: MemberRole },
  prisma?: Prisma,
): Promise<Membership> {
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    const actorRole = await loadManagerRole(tx, actor);
    const target = await tx.membership.findFirst({ where: { id: input.membershipId, organizationId: actor.orgId } });
    if (!target) throw new ServiceError("not_found", "Member not found.");
    if (target.role === input.role) return target;
    if (!canAssignRole(actorRole, target.role, input.role)) {
      throw new ServiceError("forbidden", "Only owners can change an owner's role or make someone an owner.");
    }
    if (target.role === "owner" && target.status === "active" && (await otherActiveOwners(tx, actor.orgId, target.id)) === 0) {
      throw new ServiceError("conflict", "An organization needs at least one owner: make someone else an owner first.");
    }
    const updated = await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAuditEvent(tx, actor, {
      action: "member.role_change",
      targetType: "membership",
      targetId: target.id,
      metadata: { role: [target.role, input.role] },
    });
    return updated;
  });
}
