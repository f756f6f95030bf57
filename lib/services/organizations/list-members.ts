import { getPrisma, type Prisma } from "@/lib/db";
import type { MemberRole, MembershipStatus } from "@/generated/prisma/enums";

export interface OrganizationMember {
  membershipId: string;
  role: MemberRole;
  status: MembershipStatus;
  /** The member's email, or the invited address for a pending invitation. */
  email: string;
  name: string | null;
  userId: string | null;
  createdAt: Date;
  /** When a pending invitation's link stops working (null for members). */
  inviteExpiresAt: Date | null;
}

const ROLE_ORDER: Record<MemberRole, number> = { owner: 0, admin: 1, member: 2, viewer: 3 };

/** Members and pending invitations of an organization, owners first. */
export async function listOrganizationMembers(organizationId: string, prisma?: Prisma): Promise<OrganizationMember[]> {
  const db = prisma ?? (await getPrisma());
  const rows = await db.membership.findMany({
    where: { organizationId },
    select: {
      id: true,
      role: true,
      status: true,
      invitedEmail: true,
      userId: true,
      createdAt: true,
      inviteExpiresAt: true,
      user: { select: { email: true, name: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows
    .map((r) => ({
      membershipId: r.id,
      role: r.role,
      status: r.status,
      email: r.user?.email ?? r.invitedEmail ?? "",
      name: r.user?.name ?? null,
      userId: r.userId,
      createdAt: r.createdAt,
      inviteExpiresAt: r.inviteExpiresAt,
    }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.createdAt.getTime() - b.createdAt.getTime());
}
