import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { getPrisma } from "@/lib/db";
import { reopenExpiredAcceptances } from "@/lib/services/findings/reopen-expired-acceptances";

// Hourly: an accepted risk with an expiry date re-opens within the hour after it.
export const reopenExpiredAcceptancesFn = inngest.createFunction(
  {
    id: "reopen-expired-acceptances",
    name: "Re-open accepted risks whose expiry date has passed",
    retries: 3,
    concurrency: 1,
    triggers: [cron("23 * * * *")],
  },
  async ({ step }) => step.run("reopen-expired", async () => reopenExpiredAcceptances(await getPrisma())),
);
