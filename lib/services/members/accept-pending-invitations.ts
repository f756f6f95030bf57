import { getPrisma, type Prisma } from "@/lib/db";

/**
 * Turns the pending invitations addressed to a user's email into active memberships of that user. Called
 * at sign-up and at every sign-in (people who already had an account). Returns how many were accepted;
 * running it twice accepts nothing more.
 */
export async function acceptPendingInvitations(input: { userId: string; email: string }, prisma?: Prisma): Promise<number> {
  const db = prisma ?? (await getPrisma());
  const email = input.email.trim().toLowerCase();
  const pending = await db.membership.findMany({ where: { invitedEmail: email, status: "pending", userId: null }, select: { id: true } });
  let accepted = 0;
  for (const p of pending) {
    // Guarded on the state read above; an organization the user already belongs to keeps the existing membership.
    const done = await db.membership.updateMany({
      where: { id: p.id, status: "pending", userId: null, organization: { memberships: { none: { userId: input.userId } } } },
      data: { userId: input.userId, status: "active" },
    });
    accepted += done.count;
  }
  return accepted;
}
