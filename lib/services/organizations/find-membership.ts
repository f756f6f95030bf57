import { getPrisma, type Prisma } from "@/lib/db";
import { orgRefWhere, type OrgRef } from "./org-ref";

/**
 * The user's active membership of an organization, with the organization, or null when the organization
 * does not exist or the user is not an active member of it (callers answer both the same way: not found,
 * so that other organizations' slugs reveal nothing). Pending invitations grant no access.
 */
export async function findActiveMembership(input: { userId: string; org: OrgRef }, prisma?: Prisma) {
  const { userId, org } = input;
  const db = prisma ?? (await getPrisma());
  const organization = await db.organization.findUnique({ where: orgRefWhere(org) });
  if (!organization) return null;
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: organization.id, userId } },
  });
  if (!membership || membership.status !== "active") return null;
  return { organization, membership };
}
