import type { Prisma } from "@/lib/db";

/** tls_expiry_days is at most 365: a certificate alerted about is expired a year later, so its record can go. */
const TLS_DEDUPE_DAYS = 366;

/**
 * Deletes alert deliveries (payload, attempt log) created before `before`. A delivery row is also what keeps an
 * event from reaching a channel twice (unique per channel and event key); the daily TLS check emits the same
 * key every day while the certificate stays the same, so those rows stay until the certificate has expired.
 */
export async function purgeOldAlertDeliveries(prisma: Prisma, input: { before: Date; now?: Date }): Promise<{ deleted: number }> {
  const tlsBefore = new Date((input.now ?? new Date()).getTime() - TLS_DEDUPE_DAYS * 86_400_000);
  const { count } = await prisma.alertDelivery.deleteMany({
    where: {
      createdAt: { lt: input.before },
      OR: [{ trigger: { not: "tls.expiring" } }, { createdAt: { lt: tlsBefore } }],
    },
  });
  return { deleted: count };
}
