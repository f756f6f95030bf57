import type { Prisma } from "@/lib/db";
import { scanRequested } from "@/inngest/events";
import { send } from "@/lib/jobs/send";
import { failScan } from "./fail-scan";

/**
 * Starts the scan job. If the queue refuses the event the scan could never run, so it fails right away
 * (refunding its credits) and the error propagates to the caller.
 */
export async function enqueueScan(input: { scanId: string; orgId: string }, prisma?: Prisma): Promise<void> {
  try {
    await send(scanRequested.create({ scanId: input.scanId, organizationId: input.orgId }));
  } catch (err) {
    await failScan({ scanId: input.scanId, error: `Could not queue the scan: ${(err as Error).message}` }, prisma);
    throw err;
  }
}
