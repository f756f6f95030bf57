import { getPrisma, type Prisma } from "@/lib/db";

/**
 * Mail still queued some time after it was written: its transaction committed but the delivery job never
 * started (a crash between commit and send) or is retrying. Oldest first, at most `limit`.
 */
export async function listUnsentMail(input: { olderThanMs: number; limit: number }, prisma?: Prisma): Promise<string[]> {
  const db = prisma ?? (await getPrisma());
  const now = new Date();
  const rows = await db.mailMessage.findMany({
    where: {
      status: "queued",
      createdAt: { lt: new Date(now.getTime() - input.olderThanMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    orderBy: { createdAt: "asc" },
    take: input.limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
