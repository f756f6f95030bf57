import type { MemberRole } from "@/generated/prisma/enums";
import { hasRole } from "../organizations/roles";

export const MEMBER_ROLES = ["owner", "admin", "member", "viewer"] as const satisfies readonly MemberRole[];

/** Owners and admins manage members; members and viewers only see the list. */
export function canManageMembers(role: MemberRole): boolean {
  return hasRole(role, "admin");
}

/**
 * Whether `actor` may give a membership currently holding `from` the role `to` (from null: a new invitation).
 * Admins manage members and viewers and may appoint admins; only owners touch owners or appoint them,
 * so an admin can never lock the owners out.
 */
export function canAssignRole(actor: MemberRole, from: MemberRole | null, to: MemberRole): boolean {
  if (!canManageMembers(actor)) return false;
  if (actor === "owner") return true;
  return from !== "owner" && to !== "owner";
}
