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
 *       concurrency: 2,                       // at most 2 runs executing at once (per process in embedded mode)
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
 * - Start work with send(scanRequested.create({...})) from @/lib/jobs, after your transaction has committed.
 * - Not available in embedded mode (refused when the engine starts, or when the step is reached):
 *   step.waitForEvent, step.invoke, step.waitForSignal, step.sendEvent, step.ai.*, throttle, rateLimit,
 *   debounce, batchEvents, idempotency, cancelOn, singleton, priority, timeouts, keyed concurrency,
 *   trigger `if` expressions and wildcard event names. Sleeps, retries, parallel steps (run one at a
 *   time), onFailure and cron triggers work.
 */
import type { InngestFunction } from "inngest";
import { purgeExpiredIdempotencyKeysFn } from "./purge-expired-idempotency-keys";
import { scanRequestedFn } from "./scan-requested";
import { scheduledScansFn } from "./scheduled-scans";

export const functions: InngestFunction.Any[] = [purgeExpiredIdempotencyKeysFn, scanRequestedFn, scheduledScansFn];
