import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";

const select = {
  id: true,
  role: true,
  status: true,
  userId: true,
  invitedEmail: true,
  inviteExpiresAt: true,
  createdAt: true,
  user: { select: { email: true, name: true } },
} as const;

/** Active members (status active) or pending invitations of an organization, newest first, keyset-paginated. */
export async function listMembershipsPage(
  input: { orgId: string; status: "active" | "pending"; limit: number; cursor?: string },
  prisma?: Prisma,
) {
  const db = prisma ?? (await getPrisma());
  const page = pageQuery(input);
  const rows = await db.membership.findMany({ ...page, where: { AND: [{ organizationId: input.orgId, status: input.status }, page.where] }, select });
  return pageOf(rows, input.limit);
}

/** One membership of the organization (null when it is another organization's or gone). */
export async function findMembership(input: { orgId: string; membershipId: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  return db.membership.findFirst({ where: { id: input.membershipId, organizationId: input.orgId }, select });
}

export type MembershipRow = NonNullable<Awaited<ReturnType<typeof findMembership>>>;
