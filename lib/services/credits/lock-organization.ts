import type { PrismaNS } from "@/lib/db";

/**
 * Serialises credit movements of one organization: the row lock is held until the surrounding transaction
 * ends, so "read balance -> check -> append ledger row" cannot interleave with another spender.
 * PGlite has a single connection and already serialises transactions; the lock is harmless there.
 */
export async function lockOrganizationForCredits(tx: PrismaNS.TransactionClient, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${orgId} FOR UPDATE`;
}
