// Typed events (Inngest SDK v4 `eventType()` with zod). One constant per event; functions use them as
// triggers, senders create payloads with `.create(data)` and pass them to send() from @/lib/jobs, which
// validates them against these schemas before anything is enqueued.
//
// Adding an event: append one `export const x = eventType("plumb/<noun>.<verb>", { schema: z.object(...) })`.
// Keep payloads to ids (the run re-reads state from the database); never secrets, never large blobs.
import { eventType } from "inngest";
import { z } from "zod";

const id = z.string().min(1).max(200);

export const scanRequested = eventType("plumb/scan.requested", {
  schema: z.object({ scanId: id, organizationId: id }),
});

export const verificationRequested = eventType("plumb/verification.requested", {
  schema: z.object({ verificationId: id, organizationId: id }),
});

export const reportExportRequested = eventType("plumb/report.export", {
  schema: z.object({ reportExportId: id, organizationId: id }),
});

export const integrationSyncRequested = eventType("plumb/integration.sync", {
  schema: z.object({ integrationId: id, organizationId: id }),
});

// Manual trigger for the maintenance purge (it also runs on a daily cron).
export const maintenancePurgeRequested = eventType("plumb/maintenance.purge", {
  schema: z.object({ reason: z.string().max(200).optional() }),
});
