import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { env } from "@/lib/env";

/** "monthly:2026-11": the ledger's unique (organizationId, periodKey) makes the grant happen once a month. */
export function monthlyPeriodKey(now: Date = new Date()): string {
  return `monthly:${now.toISOString().slice(0, 7)}`;
}

/**
 * Grants this month's free credits (PLUMB_MONTHLY_FREE_CREDITS) unless already granted. Called lazily
 * wherever a balance matters (reading credits, creating a scan), so no cron is needed for correctness.
 * ON CONFLICT DO NOTHING (skipDuplicates) rather than catching P2002: a failed statement would abort the
 * caller's PostgreSQL transaction.
 */
export async function ensureMonthlyGrant(
  input: { orgId: string; now?: Date },
  prisma?: Prisma | PrismaNS.TransactionClient,
): Promise<boolean> {
  const amount = env().PLUMB_MONTHLY_FREE_CREDITS;
  if (amount <= 0) return false;
  const db = prisma ?? (await getPrisma());
  const periodKey = monthlyPeriodKey(input.now);
  const res = await db.creditLedger.createMany({
    data: [
      {
        organizationId: input.orgId,
        amount,
        reason: "monthly_grant",
        periodKey,
        note: `Free credits for ${periodKey.slice("monthly:".length)}`,
      },
    ],
    skipDuplicates: true,
  });
  return res.count === 1;
}
