import type { Prisma } from "@/lib/db";

/** Deletes idempotency records whose replay window has passed. Returns how many were removed. */
export async function purgeExpiredIdempotencyKeys(prisma: Prisma, opts: { now?: Date } = {}): Promise<{ deleted: number }> {
  const { count } = await prisma.idempotencyKey.deleteMany({ where: { expiresAt: { lte: opts.now ?? new Date() } } });
  return { deleted: count };
}
