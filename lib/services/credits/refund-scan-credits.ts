import type { PrismaNS } from "@/lib/db";
import { lockOrganizationForCredits } from "./lock-organization";

/**
 * Gives back what a scan reserved and did not spend (reserved - charged). Call it only in the transaction
 * that moved the scan into a terminal failed/canceled state with a guarded update (status IN queued,
 * running): that guard, not this function, is what makes the refund happen exactly once.
 */
export async function refundScanCredits(
  tx: PrismaNS.TransactionClient,
  input: { orgId: string; scanId: string; reserved: number; charged: number; note: string },
): Promise<number> {
  const amount = input.reserved - input.charged;
  if (amount <= 0) return 0;
  await lockOrganizationForCredits(tx, input.orgId);
  await tx.creditLedger.create({
    data: { organizationId: input.orgId, amount, reason: "scan_refund", scanId: input.scanId, note: input.note },
  });
  return amount;
}
