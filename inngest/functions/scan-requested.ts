import { inngest } from "@/inngest/client";
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

    const crawl = await step.run("crawl", () => crawlScan({ scanId }));
    if (crawl.stopped) return { scanId, status: "canceled", stage: "crawl" };

    const gathered = await step.run("gather-and-check", () => gatherScan({ scanId }));
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
