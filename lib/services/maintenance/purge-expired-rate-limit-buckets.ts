import type { Prisma } from "@/lib/db";

/** Deletes rate-limit windows that can no longer affect a decision. Returns how many were removed. */
export async function purgeExpiredRateLimitBuckets(prisma: Prisma, opts: { now?: Date } = {}): Promise<{ deleted: number }> {
  const { count } = await prisma.rateLimitBucket.deleteMany({ where: { expiresAt: { lte: opts.now ?? new Date() } } });
  return { deleted: count };
}
