/**
 * Every Inngest function Plumb runs. Add yours to `functions` below (one file per function in this folder).
 * The same list is served at /api/inngest (Inngest mode) and driven in-process by the embedded engine
 * (lib/jobs/embedded), so a function behaves the same in both.
 *
 * How to write one (e.g. scan-requested.ts):
 *
 *   import { inngest } from "@/inngest/client";
 *   import { scanRequested } from "@/inngest/events";
 *
 *   export const scanRequestedFn = inngest.createFunction(
 *     {
 *       id: "scan-requested",                 // stable forever: run state and queues are keyed by it
 *       retries: 2,                           // per step: a step is retried up to 2 times, then fails
 *       concurrency: [                        // at most 2 runs per organization, 4 in all (per process in embedded mode)
 *         { key: "event.data.organizationId", limit: 2 },
 *         { limit: 4 },
 *       ],
 *       triggers: [{ event: scanRequested }], // or cron("0 4 * * *")
 *       // Runs once, after the main function has failed for good (retries exhausted or NonRetriableError).
 *       // `event.data.event` is the original event, `error` the final error. Use it to refund credits.
 *       onFailure: async ({ event, error, step }) => {
 *         await step.run("refund-credits", () => refundScanCredits({ scanId: event.data.event.data.scanId, reason: error.message }));
 *       },
 *     },
 *     async ({ event, step }) => {
 *       const pageIds = await step.run("crawl", () => crawlScan({ scanId: event.data.scanId }));   // returns ids, not payloads
 *       await step.run("settle-credits", () => settleScanCredits({ scanId: event.data.scanId }));
 *       return { pages: pageIds.length };
 *     },
 *   );
 *
 * Rules (they hold on Inngest too, the embedded engine just makes them visible):
 * - Steps call one service function each (lib/services); no Prisma queries inline in a step.
 * - A step may run more than once (retries, a crash mid-step): make it idempotent.
 * - Step results are stored as JSON: return small things (ids, counts), not pages or artifacts.
 * - Code outside step.run re-executes on every replay: keep it free of side effects.
 * - Start work from a service with enqueueJob(tx, {...}) from @/lib/jobs/outbox, in the transaction of the
 *   state change, then flushOutbox() after the commit. From a function, step.sendEvent works in both modes.
 * - Not available in embedded mode (refused when the engine starts, or when the step is reached):
 *   step.waitForEvent, step.invoke, step.waitForSignal, step.ai.*, rateLimit, debounce, batchEvents,
 *   idempotency, cancelOn, singleton, priority, timeouts, account/env-scoped concurrency, trigger `if`
 *   expressions and wildcard event names. Sleeps, retries, parallel steps (run one at a time), onFailure,
 *   cron triggers, step.sendEvent, keyed concurrency (`key: "event.data.x"`) and throttle work.
 * - A function that drives a browser goes in `heavyFunctions`: in Inngest mode only the worker's endpoint
 *   serves it (PLUMB_ROLE=web instances never run Chromium). Everything else goes in `lightFunctions`.
 */
import type { InngestFunction } from "inngest";
import { deliverAlertFn } from "./deliver-alert";
import { deliverMailFn } from "./deliver-mail";
import { integrationPollFn } from "./integration-poll";
import { integrationSyncRequestedFn } from "./integration-sync-requested";
import { outboxSweepFn } from "./outbox-sweep";
import { purgeExpiredIdempotencyKeysFn } from "./purge-expired-idempotency-keys";
import { reportExportRequestedFn } from "./report-export-requested";
import { reopenExpiredAcceptancesFn } from "./reopen-expired-acceptances";
import { reverifyDomainsFn } from "./reverify-domains";
import { scanRequestedFn } from "./scan-requested";
import { scanSettledFn } from "./scan-settled";
import { scheduledReportsFn } from "./scheduled-reports";
import { scheduledScansFn } from "./scheduled-scans";
import { sendQueuedMailFn } from "./send-queued-mail";
import { taskDueRemindersFn } from "./task-due-reminders";
import { verificationRequestedFn } from "./verification-requested";
import { tlsExpiryCheckFn } from "./tls-expiry-check";

/** Functions that launch Chromium: served only by worker processes. */
export const heavyFunctions: InngestFunction.Any[] = [scanRequestedFn, reportExportRequestedFn, verificationRequestedFn];

/** Everything else: cheap database work, served by every role. */
export const lightFunctions: InngestFunction.Any[] = [
  purgeExpiredIdempotencyKeysFn,
  scheduledScansFn,
  scheduledReportsFn,
  outboxSweepFn,
  reverifyDomainsFn,
  reopenExpiredAcceptancesFn,
  deliverMailFn,
  sendQueuedMailFn,
  taskDueRemindersFn,
  scanSettledFn,
  deliverAlertFn,
  tlsExpiryCheckFn,
  integrationSyncRequestedFn,
  integrationPollFn,
];

export const functions: InngestFunction.Any[] = [...lightFunctions, ...heavyFunctions];
