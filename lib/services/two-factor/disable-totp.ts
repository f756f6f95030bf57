import { getPrisma, type Prisma } from "@/lib/db";

/**
 * Turns the authenticator app off. The caller has checked a fresh second factor first. Recovery codes go too
 * when no passkey remains (they only stand in for a second factor).
 */
export async function disableTotp(input: { userId: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  await db.totpFactor.deleteMany({ where: { userId: input.userId } });
  if ((await db.passkey.count({ where: { userId: input.userId } })) === 0) {
    await db.recoveryCode.deleteMany({ where: { userId: input.userId } });
  }
}
