import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { env } from "@/lib/env";
import { listPollableIntegrations } from "@/lib/services/integrations/list-pollable-integrations";
import { pollIntegration } from "@/lib/services/integrations/poll-integration";

// Every 5 minutes: connected trackers not polled for PLUMB_INTEGRATION_POLL_MINUTES read the issues updated
// upstream since their last poll — the fallback for a webhook that was never configured or got lost. One step
// per integration, so a failing provider does not hold the others back.
export const integrationPollFn = inngest.createFunction(
  {
    id: "integration-poll",
    name: "Poll integrations for upstream changes",
    retries: 1,
    concurrency: 1,
    triggers: [cron("*/5 * * * *")],
  },
  async ({ step }) => {
    const minutes = env().PLUMB_INTEGRATION_POLL_MINUTES;
    if (minutes === 0) return { polled: 0 };
    const ids = await step.run("due", () => listPollableIntegrations({ minutes }));
    let applied = 0;
    for (const id of ids) {
      const r = await step.run(`poll-${id}`, () => pollIntegration({ integrationId: id }));
      applied += r.applied;
    }
    return { polled: ids.length, applied };
  },
);
