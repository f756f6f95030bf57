import { getPrisma, type Prisma } from "@/lib/db";

/** "Sign out everywhere": ends every session of the user, or every one but `exceptSessionId`. Returns how many. */
export async function revokeAllSessions(input: { userId: string; exceptSessionId?: string | null }, prisma?: Prisma): Promise<number> {
  const db = prisma ?? (await getPrisma());
  const { count } = await db.session.deleteMany({
    where: { userId: input.userId, ...(input.exceptSessionId ? { id: { not: input.exceptSessionId } } : {}) },
  });
  return count;
}
