import type { Prisma } from "@/lib/db";
import { send } from "@/lib/jobs/send";
import { failScan } from "./fail-scan";

export const SCAN_REQUESTED_EVENT = "plumb/scan.requested";

/**
 * Starts the scan job. If the queue refuses the event the scan could never run, so it fails right away
 * (refunding its credits) and the error propagates to the caller.
 */
export async function enqueueScan(input: { scanId: string; orgId: string }, prisma?: Prisma): Promise<void> {
  try {
    await send({ name: SCAN_REQUESTED_EVENT, data: { scanId: input.scanId, organizationId: input.orgId } });
  } catch (err) {
    await failScan({ scanId: input.scanId, error: `Could not queue the scan: ${(err as Error).message}` }, prisma);
    throw err;
  }
}
