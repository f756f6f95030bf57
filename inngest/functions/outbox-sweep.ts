import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { sweepOutbox } from "@/lib/jobs/dispatch";

// Every minute: outbox rows committed over a minute ago and still unsent (the process died between its commit
// and the send, or the queue refused) are sent again. Fresh rows are left to the process that wrote them.
export const outboxSweepFn = inngest.createFunction(
  {
    id: "outbox-sweep",
    name: "Re-send background jobs left in the outbox",
    retries: 2,
    concurrency: 1,
    triggers: [cron("* * * * *")],
  },
  async ({ step }) => step.run("resend-unsent", () => sweepOutbox()),
);
