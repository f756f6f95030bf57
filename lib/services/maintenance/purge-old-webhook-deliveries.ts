import type { Prisma } from "@/lib/db";

/**
 * Deletes the ids of integration webhook deliveries received before `before`. They only refuse replays; an
 * older replay is harmless anyway, since an upstream state older than the one applied is ignored
 * (apply-upstream-issue.ts).
 */
export async function purgeOldWebhookDeliveries(prisma: Prisma, input: { before: Date }): Promise<{ deleted: number }> {
  const { count } = await prisma.integrationDelivery.deleteMany({ where: { receivedAt: { lt: input.before } } });
  return { deleted: count };
}
