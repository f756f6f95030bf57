import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";

/** The ledger is append-only, so the balance is always derived, never stored. */
export async function getCreditBalance(orgId: string, prisma?: Prisma | PrismaNS.TransactionClient): Promise<number> {
  const db = prisma ?? (await getPrisma());
  const agg = await db.creditLedger.aggregate({ where: { organizationId: orgId }, _sum: { amount: true } });
  return agg._sum.amount ?? 0;
}
