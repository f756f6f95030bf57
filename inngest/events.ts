// Typed events (Inngest SDK v4 `eventType()` with zod) for the functions' triggers. The schemas live in
// lib/jobs/events.ts, shared with the outbox that services write to (enqueueJob from @/lib/jobs/outbox),
// which validates a payload before the row is written.
//
// Adding an event: add its schema to lib/jobs/events.ts, then one line here.
import { eventType } from "inngest";
import { jobEventSchemas } from "@/lib/jobs/events";

export const scanRequested = eventType("plumb/scan.requested", { schema: jobEventSchemas["plumb/scan.requested"] });

export const verificationRequested = eventType("plumb/verification.requested", {
  schema: jobEventSchemas["plumb/verification.requested"],
});

export const reportExportRequested = eventType("plumb/report.export", { schema: jobEventSchemas["plumb/report.export"] });

export const integrationSyncRequested = eventType("plumb/integration.sync", {
  schema: jobEventSchemas["plumb/integration.sync"],
});

export const maintenancePurgeRequested = eventType("plumb/maintenance.purge", {
  schema: jobEventSchemas["plumb/maintenance.purge"],
});

// One e-mail row (MailMessage) to deliver; written by queueMail() in the transaction of the change it reports.
export const mailQueued = eventType("plumb/mail.queued", { schema: jobEventSchemas["plumb/mail.queued"] });

// A scan settled (succeeded or failed): sent by scan-requested with step.sendEvent, and by failScan's outbox row.
export const scanSettled = eventType("plumb/scan.settled", { schema: jobEventSchemas["plumb/scan.settled"] });

// One alert delivery to send (lib/services/alerts/emit-alert.ts).
export const alertDeliver = eventType("plumb/alert.deliver", { schema: jobEventSchemas["plumb/alert.deliver"] });
