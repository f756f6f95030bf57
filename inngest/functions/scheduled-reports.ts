import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { runDueReportSchedules } from "@/lib/services/report-schedules/run-due-report-schedules";

// Batches of 100 due schedules, one step each, up to 50 per tick (5,000 every 15 minutes). Each schedule is
// claimed in its own transaction with a run unique per calendar period, so a replayed step or an overlapping
// tick requests nothing twice; the export job (report-export-requested) mails the file when it is ready.
const MAX_BATCHES_PER_RUN = 50;

export const scheduledReportsFn = inngest.createFunction(
  {
    id: "scheduled-reports",
    name: "Export and mail scheduled reports",
    retries: 2,
    concurrency: 1,
    triggers: [cron("*/15 * * * *")],
  },
  async ({ step }) => {
    let started = 0;
    let skipped = 0;
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const batch = await step.run(`run-due-schedules-${i}`, async () => {
        const res = await runDueReportSchedules();
        return { started: res.started.length, skipped: res.skipped.length, more: res.more };
      });
      started += batch.started;
      skipped += batch.skipped;
      if (!batch.more) break;
    }
    return { started, skipped };
  },
);
