import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";

/**
 * The organization's running total, kept by the CreditLedger trigger (see the credit_balance_running_total
 * migration) in the same transaction as each ledger row: one indexed read instead of a sum over all history.
 */
export async function getCreditBalance(orgId: string, prisma?: Prisma | PrismaNS.TransactionClient): Promise<number> {
  const db = prisma ?? (await getPrisma());
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { creditBalance: true } });
  return org?.creditBalance ?? 0;
}
