import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { enqueueScheduledScans } from "@/lib/services/scans/enqueue-scheduled-scans";

// Up to 200 batches of 200 domains per tick (every 5 minutes): 40,000 per tick, far beyond 100,000 a day
// (scripts/bench-scheduler.ts measures the rate). One step per batch keeps each step short and its result
// small; a repeated step re-claims nothing, since each domain's claim commits with its scan.
const MAX_BATCHES_PER_RUN = 200;

// Scans for domains whose daily/weekly/monthly schedule is due, paid with credits like any scan.
export const scheduledScansFn = inngest.createFunction(
  {
    id: "scheduled-scans",
    name: "Start scheduled re-scans",
    retries: 2,
    concurrency: 1,
    triggers: [cron("*/5 * * * *")],
  },
  async ({ step }) => {
    let created = 0;
    let skipped = 0;
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const batch = await step.run(`enqueue-due-scans-${i}`, async () => {
        const res = await enqueueScheduledScans();
        return { created: res.created.length, skipped: res.skipped.length, more: res.more };
      });
      created += batch.created;
      skipped += batch.skipped;
      if (!batch.more) break;
    }
    return { created, skipped };
  },
);
