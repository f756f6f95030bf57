import { getPrisma, type Prisma } from "@/lib/db";
import type { MemberRole } from "@/generated/prisma/enums";

export interface UserOrganization {
  id: string;
  name: string;
  slug: string;
  role: MemberRole;
}

/** Organizations the user is an active member of, alphabetically: the organization switcher's list. */
export async function listUserOrganizations(userId: string, prisma?: Prisma): Promise<UserOrganization[]> {
  const db = prisma ?? (await getPrisma());
  const memberships = await db.membership.findMany({
    where: { userId, status: "active" },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
  });
  return memberships
    .map((m) => ({ ...m.organization, role: m.role }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}
