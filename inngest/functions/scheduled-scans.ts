import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { enqueueScheduledScans } from "@/lib/services/scans/enqueue-scheduled-scans";

// Every 15 minutes: scans for domains whose daily/weekly/monthly schedule is due, paid with credits like
// any scan. The claim on each domain (nextScheduledAt moved forward in the scan's own transaction) makes a
// repeated step or an overlapping run harmless.
export const scheduledScansFn = inngest.createFunction(
  {
    id: "scheduled-scans",
    name: "Start scheduled re-scans",
    retries: 2,
    concurrency: 1,
    triggers: [cron("*/15 * * * *")],
  },
  async ({ step }) => {
    const outcome = await step.run("enqueue-due-scans", async () => {
      const res = await enqueueScheduledScans();
      return { created: res.created, skipped: res.skipped.length };
    });
    return outcome;
  },
);
