import { getPrisma, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { checkGatheredScan, type GatherOutcome } from "./check-gathered-scan";
import { gatherScanBatch } from "./gather-scan-batch";

export type { GatherOutcome } from "./check-gathered-scan";

/**
 * The whole gather + check stage in one call: every page batch (gather-scan-batch.ts), then the check
 * (check-gathered-scan.ts). The scan job runs these as separate steps (inngest/functions/scan-requested.ts);
 * this is for callers without steps (tests, tools). `batchSize` defaults to PLUMB_SCAN_PAGE_BATCH_SIZE.
 */
export async function gatherScan(input: { scanId: string; batchSize?: number }, prisma?: Prisma): Promise<GatherOutcome> {
  const db = prisma ?? (await getPrisma());
  const batchSize = input.batchSize ?? env().PLUMB_SCAN_PAGE_BATCH_SIZE;
  const pagesTotal = await db.scanPage.count({ where: { scanId: input.scanId } });
  for (let offset = 0; offset < pagesTotal; offset += batchSize) {
    const batch = await gatherScanBatch({ scanId: input.scanId, offset, limit: batchSize }, db);
    if (batch.stopped) return { stopped: true };
  }
  return checkGatheredScan({ scanId: input.scanId }, db);
}
