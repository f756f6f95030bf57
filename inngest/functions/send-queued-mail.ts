import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { deliverMail, MailDeliveryError } from "@/lib/services/mail/deliver-mail";
import { listUnsentMail } from "@/lib/services/mail/list-unsent-mail";

// The sweeper: mail whose delivery job never started (the process died between the commit that queued it
// and the send) would otherwise stay queued forever. Every five minutes it delivers what has been queued
// for more than two minutes, one step per message; a message that fails again stays queued for the next
// sweep until deliverMail gives up on it (MAX_MAIL_ATTEMPTS).
const BATCH = 50;

export const sendQueuedMailFn = inngest.createFunction(
  {
    id: "send-queued-mail",
    name: "Send mail left queued",
    retries: 1,
    concurrency: 1,
    triggers: [cron("*/5 * * * *")],
  },
  async ({ step }) => {
    const ids = await step.run("list-unsent", () => listUnsentMail({ olderThanMs: 2 * 60 * 1000, limit: BATCH }));
    let sent = 0;
    let failed = 0;
    for (const mailId of ids) {
      const outcome = await step.run(`deliver-${mailId}`, async () => {
        try {
          return (await deliverMail({ mailId })).status;
        } catch (err) {
          // One bad message must not stop the others; its error is on its row.
          if (err instanceof MailDeliveryError) return "error" as const;
          throw err;
        }
      });
      if (outcome === "error") failed++;
      else if (outcome !== "skipped") sent++;
    }
    return { found: ids.length, sent, failed };
  },
);
