import { getPrisma, type Prisma } from "@/lib/db";

/** Whether the user's address is verified (the dashboard shows a "verify your e-mail" banner until it is). */
export async function isEmailVerified(input: { userId: string }, prisma?: Prisma): Promise<boolean> {
  const db = prisma ?? (await getPrisma());
  const u = await db.user.findUnique({ where: { id: input.userId }, select: { emailVerified: true } });
  return Boolean(u?.emailVerified);
}
