import { getPrisma, type Prisma } from "@/lib/db";

/** The per-user notification setting: e-mail copies on or off (in-app notifications are always kept). */
export async function setNotificationSettings(input: { userId: string; email: boolean }, prisma?: Prisma): Promise<{ email: boolean }> {
  const db = prisma ?? (await getPrisma());
  const u = await db.user.update({ where: { id: input.userId }, data: { notifyByEmail: input.email }, select: { notifyByEmail: true } });
  return { email: u.notifyByEmail };
}
