import type { PrismaNS } from "@/lib/db";
import { ServiceError } from "../errors";
import { getCreditBalance } from "./get-balance";
import { lockOrganizationForCredits } from "./lock-organization";
import { ensureMonthlyGrant } from "./monthly-grant";

/**
 * Checks the balance and takes `cost` credits for a scan. Must run inside the transaction that creates the
 * scan: the organization row lock taken here makes concurrent reservations queue, so the balance can't go
 * negative and an accepted scan always has its reserve row. Returns the balance left.
 */
export async function reserveCreditsForScan(
  tx: PrismaNS.TransactionClient,
  input: { orgId: string; cost: number; now?: Date },
): Promise<{ balanceBefore: number; remaining: number }> {
  await lockOrganizationForCredits(tx, input.orgId);
  await ensureMonthlyGrant({ orgId: input.orgId, now: input.now }, tx);
  const balance = await getCreditBalance(input.orgId, tx);
  if (balance < input.cost) {
    throw new ServiceError(
      "insufficient_credits",
      `This scan costs ${input.cost} credit${input.cost === 1 ? "" : "s"}; the balance is ${balance}.`,
      { cost: input.cost, balance },
    );
  }
  return { balanceBefore: balance, remaining: balance - input.cost };
}

/** The ledger row of a reservation; written once the scan row exists (scanId links them). */
export async function writeScanReserve(
  tx: PrismaNS.TransactionClient,
  input: { orgId: string; scanId: string; cost: number },
): Promise<void> {
  if (input.cost <= 0) return;
  await tx.creditLedger.create({
    data: { organizationId: input.orgId, amount: -input.cost, reason: "scan_reserve", scanId: input.scanId },
  });
}
