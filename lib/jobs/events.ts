// The payload schemas of every background-job event, by name. Plain zod with no job-engine import, so that
// services (which write the outbox) and inngest/events.ts (which types the functions' triggers) share them
// without services ever loading the engine.
//
// Adding an event: one entry here, one `eventType()` line in inngest/events.ts. Keep payloads to ids (the run
// re-reads state from the database); never secrets, never large blobs.
import { z } from "zod";

const id = z.string().min(1).max(200);

export const jobEventSchemas = {
  "plumb/scan.requested": z.object({ scanId: id, organizationId: id }),
  "plumb/verification.requested": z.object({ verificationId: id, organizationId: id }),
  "plumb/report.export": z.object({ reportExportId: id, organizationId: id }),
  "plumb/integration.sync": z.object({ integrationId: id, organizationId: id }),
  // One e-mail row (MailMessage) to deliver; written by queueMail() in the transaction of the change it reports.
  "plumb/mail.queued": z.object({ mailId: id }),
  // A scan reached a final state (succeeded or failed): automation policies, gates and alerts run on it.
  "plumb/scan.settled": z.object({ scanId: id, organizationId: id }),
  // One AlertDelivery row to send (lib/services/alerts); written by emitAlert() in the event's transaction.
  "plumb/alert.deliver": z.object({ deliveryId: id, channelId: id, organizationId: id }),
  // Manual trigger for the maintenance purge (it also runs on a daily cron).
  "plumb/maintenance.purge": z.object({ reason: z.string().max(200).optional() }),
} as const;

export type JobEventName = keyof typeof jobEventSchemas;
export type JobEventData<E extends JobEventName> = z.input<(typeof jobEventSchemas)[E]>;

export function isJobEventName(name: string): name is JobEventName {
  return Object.hasOwn(jobEventSchemas, name);
}
