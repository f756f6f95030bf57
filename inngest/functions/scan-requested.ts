import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { ScanError } from "@/lib/scanner";
import { scanRequested } from "@/inngest/events";
import { crawlScan } from "@/lib/services/scans/crawl-scan";
import { failScan } from "@/lib/services/scans/fail-scan";
import { gatherScan } from "@/lib/services/scans/gather-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { settleScan } from "@/lib/services/scans/settle-scan";

// One scan, one step per stage. Steps return ids and counts (never artifacts or findings): every stage
// reads what it needs from the database and writes its results there, so a step that runs twice after a
// crash converges instead of duplicating. Each stage first checks the scan is still running, which is how
// a cancel from the API stops the job between steps (the gather stage also polls during the page loads).
// A site that is unreachable, or a target the SSRF guard refuses, won't change in the next minute: fail the
// scan at once (onFailure refunds it) instead of spending the retries. Timeouts and browser crashes retry.
const PERMANENT_SCAN_ERRORS = new Set(["invalid_url", "unreachable", "private_target"]);

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
    // Each run drives a browser; two at a time keeps a small machine responsive.
    concurrency: 2,
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

    const started = await step.run("mark-running", () => markScanRunning({ scanId }));
    if (!started.proceed) return { scanId, status: started.status, stage: "mark-running" };

    const crawl = await step.run("crawl", () => permanentErrorsFailFast(() => crawlScan({ scanId })));
    if (crawl.stopped) return { scanId, status: "canceled", stage: "crawl" };

    const gathered = await step.run("gather-and-check", () => permanentErrorsFailFast(() => gatherScan({ scanId })));
    if (gathered.stopped) return { scanId, status: "canceled", stage: "gather-and-check" };

    const settled = await step.run("settle", () => settleScan({ scanId, erroredRules: gathered.erroredRules }));
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
