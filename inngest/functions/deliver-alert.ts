import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { alertDeliver } from "@/inngest/events";
import { AlertDeliveryError, deliverAlert, MAX_ALERT_ATTEMPTS } from "@/lib/services/alerts/deliver-alert";

// One alert to one channel (lib/services/alerts/emit-alert.ts wrote the row and this job). A failed try
// (non-2xx, network error) throws, and the engine retries the step with exponential backoff — Inngest's in
// Inngest mode, the embedded engine's (doubling from 10 s) otherwise. Each try is logged on the delivery.
// One delivery at a time per channel, so a slow receiver is not hammered by a burst.
export const deliverAlertFn = inngest.createFunction(
  {
    id: "deliver-alert",
    name: "Deliver an alert",
    retries: (MAX_ALERT_ATTEMPTS - 1) as 4,
    concurrency: [{ key: "event.data.channelId", limit: 1 }],
    triggers: [{ event: alertDeliver }],
  },
  async ({ event, step }) => {
    const result = await step.run("deliver", async () => {
      try {
        return await deliverAlert({ deliveryId: event.data.deliveryId });
      } catch (err) {
        if (err instanceof AlertDeliveryError && err.final) throw new NonRetriableError(err.message, { cause: err });
        throw err;
      }
    });
    return { deliveryId: event.data.deliveryId, ...result };
  },
);
