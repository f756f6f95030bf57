import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { mailQueued } from "@/inngest/events";
import { deliverMail, MailDeliveryError } from "@/lib/services/mail/deliver-mail";
import { markMailFailed } from "@/lib/services/mail/mark-mail-failed";

// One queued e-mail, sent after the transaction that wrote it committed (lib/services/mail/dispatch-mail.ts).
// An SMTP refusal is retried with Inngest's backoff; after the last retry onFailure marks the row failed.
export const deliverMailFn = inngest.createFunction(
  {
    id: "deliver-mail",
    name: "Deliver an e-mail",
    retries: 4,
    concurrency: 4,
    triggers: [{ event: mailQueued }],
    onFailure: async ({ event, error }) => {
      const mailId = (event.data.event.data as { mailId?: unknown }).mailId;
      if (typeof mailId !== "string") return { failed: 0 };
      await markMailFailed({ mailId, error: error.message });
      return { failed: 1 };
    },
  },
  async ({ event, step }) => {
    const result = await step.run("deliver", async () => {
      try {
        return await deliverMail({ mailId: event.data.mailId });
      } catch (err) {
        if (err instanceof MailDeliveryError && err.final) throw new NonRetriableError(err.message, { cause: err });
        throw err;
      }
    });
    return { mailId: event.data.mailId, status: result.status };
  },
);
