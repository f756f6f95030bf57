import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { env } from "@/lib/env";
import { ScanError } from "@/lib/scanner";
import { scanRequested } from "@/inngest/events";
import { crawlScan } from "@/lib/services/scans/crawl-scan";
import { failScan } from "@/lib/services/scans/fail-scan";
import { checkGatheredScan } from "@/lib/services/scans/check-gathered-scan";
import { gatherScanBatch } from "@/lib/services/scans/gather-scan-batch";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recheckOwnershipBeforeScan } from "@/lib/services/scans/recheck-ownership-before-scan";
import { settleScan } from "@/lib/services/scans/settle-scan";

// One scan, one step per stage (the page loads one step per batch of pages). Steps return ids and counts (never artifacts or findings): every stage
// reads what it needs from the database and writes its results there, so a step that runs twice after a
// crash converges instead of duplicating. Each stage first checks the scan is still running, which is how
// a cancel from the API stops the job between steps (the gather stage also polls during the page loads).
// A site that is unreachable, or a target the SSRF guard refuses, won't change in the next minute: fail the
// scan at once (onFailure refunds it) instead of spending the retries. Timeouts and browser crashes retry.
// A failed sign-in (wrong password, selector gone) fails the same way on every retry.
const PERMANENT_SCAN_ERRORS = new Set(["invalid_url", "unreachable", "private_target", "login"]);

async function permanentErrorsFailFast<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ScanError && PERMANENT_SCAN_ERRORS.has(err.code)) throw new NonRetriableError(err.message, { cause: err });
    throw err;
  }
}

export const scanRequestedFn = inngest.createFunction(
  {
    id: "scan-requested",
    name: "Run a scan",
    retries: 2,
    // Each run drives a browser. Per organization first, so one tenant's burst of scans cannot hold every
    // slot while another tenant's scan waits; then a cap on browsers at once (per worker process in embedded
    // mode). Both from PLUMB_SCAN_CONCURRENCY_PER_ORG / PLUMB_SCAN_CONCURRENCY.
    concurrency: [
      { key: "event.data.organizationId", limit: env().PLUMB_SCAN_CONCURRENCY_PER_ORG },
      { limit: env().PLUMB_SCAN_CONCURRENCY },
    ],
    triggers: [{ event: scanRequested }],
    onFailure: async ({ event, error }) => {
      const scanId = (event.data.event.data as { scanId?: unknown }).scanId;
      if (typeof scanId !== "string") return { refunded: 0 };
      const { refunded } = await failScan({ scanId, error: `The scan failed: ${error.message}` });
      return { refunded };
    },
  },
  async ({ event, step }) => {
    const { scanId } = event.data;

    const owned = await step.run("recheck-ownership", () => recheckOwnershipBeforeScan({ scanId }));
    if (!owned.proceed) return { scanId, status: "failed", stage: "recheck-ownership" };

    const started = await step.run("mark-running", () => markScanRunning({ scanId }));
    if (!started.proceed) return { scanId, status: started.status, stage: "mark-running" };

    const crawl = await step.run("crawl", () => permanentErrorsFailFast(() => crawlScan({ scanId })));
    if (crawl.stopped) return { scanId, status: "canceled", stage: "crawl" };

    // The pages load in batches, one step each, so no step outlives the platform's function time limit
    // however many pages the scan has. Offsets are fixed here from the memoized crawl; a batch saves its
    // pages' artifacts and skips pages already saved, so a run resumed after a crash loads no page twice.
    const batchSize = env().PLUMB_SCAN_PAGE_BATCH_SIZE;
    for (let offset = 0, n = 1; offset < crawl.pagesTotal; offset += batchSize, n++) {
      const batch = await step.run(`gather-pages-${n}`, () =>
        permanentErrorsFailFast(() => gatherScanBatch({ scanId, offset, limit: batchSize })),
      );
      if (batch.stopped) return { scanId, status: "canceled", stage: `gather-pages-${n}` };
    }

    const gathered = await step.run("check", () => permanentErrorsFailFast(() => checkGatheredScan({ scanId })));
    if (gathered.stopped) return { scanId, status: "canceled", stage: "check" };

    const settled = await step.run("settle", () => settleScan({ scanId, erroredRules: gathered.erroredRules }));
    // Policies, gates and alerts run in their own function (scan-settled.ts), off the browser worker.
    if (settled.settled) {
      await step.sendEvent("scan-settled", {
        name: "plumb/scan.settled",
        id: `scan-settled:${scanId}`,
        data: { scanId, organizationId: event.data.organizationId },
      });
    }
    return {
      scanId,
      status: settled.status,
      pages: crawl.pagesTotal,
      findings: gathered.findings,
      resolved: settled.resolved,
      regressions: settled.regressions,
    };
  },
);
