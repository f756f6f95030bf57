import type { PrismaNS } from "@/lib/db";
import type { MemberRole } from "@/generated/prisma/enums";
import type { Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { canManageMembers } from "./member-permissions";

/**
 * The acting user's role, read inside the write's transaction so a demotion that commits first is honoured.
 * An API key (its route already required `members:write`) acts as an admin: it manages members and
 * invitations, but only an owner, signed in, hands out or takes away ownership.
 */
export async function loadManagerRole(tx: PrismaNS.TransactionClient, actor: Actor): Promise<MemberRole> {
  if (!actor.userId && actor.apiKeyId) return "admin";
  if (!actor.userId) throw new ServiceError("forbidden", "Only a signed-in owner or admin can manage members.");
  const m = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: actor.orgId, userId: actor.userId } },
    select: { role: true, status: true },
  });
  if (!m || m.status !== "active") throw new ServiceError("not_found", "Organization not found.");
  if (!canManageMembers(m.role)) throw new ServiceError("forbidden", "Only owners and admins can manage members.");
  return m.role;
}

/** The organization's active owners other than `membershipId`: zero means that membership is the last owner. */
export async function otherActiveOwners(tx: PrismaNS.TransactionClient, orgId: string, membershipId: string): Promise<number> {
  return tx.membership.count({ where: { organizationId: orgId, role: "owner", status: "active", id: { not: membershipId } } });
}
