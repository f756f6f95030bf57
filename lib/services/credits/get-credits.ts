import type { CreditLedger } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";
import { getCreditBalance } from "./get-balance";
import { ensureMonthlyGrant } from "./monthly-grant";

/**
 * Balance and one page of the ledger (newest first). Reading credits is one of the moments the month's
 * free grant is issued, so a new month's credits show up here without a scan.
 */
export async function getCredits(
  input: { orgId: string; limit: number; cursor?: string; now?: Date },
  prisma?: Prisma,
): Promise<{ balance: number; ledger: CreditLedger[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  await ensureMonthlyGrant({ orgId: input.orgId, now: input.now }, db);
  const page = pageQuery(input);
  const balance = await getCreditBalance(input.orgId, db);
  const rows = await db.creditLedger.findMany({ ...page, where: { AND: [{ organizationId: input.orgId }, page.where] } });
  const { items, nextCursor } = pageOf(rows, input.limit);
  return { balance, ledger: items, nextCursor };
}
