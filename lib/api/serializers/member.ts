import type { z } from "zod";
import type { Organization } from "@/generated/prisma/client";
import type { invitationSchema, memberSchema, organizationSchema } from "@/lib/api/contract/members";
import type { MembershipRow } from "@/lib/services/members/list-members-page";

export function serializeMember(m: MembershipRow): z.input<typeof memberSchema> {
  return { id: m.id, user_id: m.userId ?? "", email: m.user?.email ?? m.invitedEmail ?? "", name: m.user?.name ?? null, role: m.role, joined_at: m.createdAt.toISOString() };
}

export function serializeInvitation(m: MembershipRow): z.input<typeof invitationSchema> {
  return { id: m.id, email: m.invitedEmail ?? "", role: m.role, expires_at: m.inviteExpiresAt?.toISOString() ?? null, created_at: m.createdAt.toISOString() };
}

export function serializeOrganization(o: Organization): z.input<typeof organizationSchema> {
  return { id: o.id, name: o.name, slug: o.slug, require_two_factor: o.requireTwoFactor, credit_balance: o.creditBalance, created_at: o.createdAt.toISOString() };
}
