// The only job API services use. DB-only: it writes rows and never loads the job engine or the Inngest
// client, so lib/services -> lib/jobs/outbox has no path back to inngest/functions.
//
//   await db.$transaction(async (tx) => {
//     const scan = await tx.scan.create({ ... });
//     await enqueueJob(tx, { event: "plumb/scan.requested", data: { scanId: scan.id, organizationId }, key: `scan:${scan.id}` });
//   });
//   await flushOutbox(); // after the commit; the sweeper covers a crash in between
export { enqueueJob, enqueueJobs, type EnqueueJobInput, type OutboxWriter } from "./enqueue-job";
export { flushOutbox, registerOutboxDispatcher } from "./flush";
export { jobEventSchemas, isJobEventName, type JobEventName, type JobEventData } from "../events";
