import { getPrisma, type Prisma } from "@/lib/db";

export interface CreditBalanceMismatch {
  orgId: string;
  stored: number;
  ledger: number;
}

/**
 * Compares every organization's running total with the sum of its ledger, the source of truth. An empty
 * result means the two agree; the maintenance job logs anything else loudly.
 */
export async function checkCreditBalances(input: { orgId?: string } = {}, prisma?: Prisma): Promise<CreditBalanceMismatch[]> {
  const db = prisma ?? (await getPrisma());
  const rows = await db.$queryRaw<{ id: string; stored: number; ledger: bigint | number | null }[]>`
    SELECT o."id", o."creditBalance" AS stored, COALESCE(SUM(l."amount"), 0) AS ledger
    FROM "Organization" o LEFT JOIN "CreditLedger" l ON l."organizationId" = o."id"
    WHERE ${input.orgId ?? null}::text IS NULL OR o."id" = ${input.orgId ?? null}::text
    GROUP BY o."id", o."creditBalance"`;
  return rows
    .map((r) => ({ orgId: r.id, stored: Number(r.stored), ledger: Number(r.ledger ?? 0) }))
    .filter((r) => r.stored !== r.ledger);
}
