import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { maintenancePurgeRequested } from "@/inngest/events";
import { getPrisma } from "@/lib/db";
import { purgeExpiredIdempotencyKeys } from "@/lib/services/maintenance/purge-expired-idempotency-keys";
import { purgeExpiredRateLimitBuckets } from "@/lib/services/maintenance/purge-expired-rate-limit-buckets";
import { purgeFinishedJobRuns } from "@/lib/services/maintenance/purge-finished-job-runs";

// Daily at 03:17 UTC (off the hour, away from other cron traffic); also runnable on demand by event.
export const purgeExpiredIdempotencyKeysFn = inngest.createFunction(
  {
    id: "purge-expired-idempotency-keys",
    name: "Purge expired idempotency keys, rate-limit buckets and old job runs",
    retries: 3,
    concurrency: 1,
    triggers: [cron("17 3 * * *"), { event: maintenancePurgeRequested }],
  },
  async ({ step }) => {
    const idempotencyKeys = await step.run("purge-idempotency-keys", async () =>
      purgeExpiredIdempotencyKeys(await getPrisma()),
    );
    const rateLimitBuckets = await step.run("purge-rate-limit-buckets", async () =>
      purgeExpiredRateLimitBuckets(await getPrisma()),
    );
    // Embedded-engine history only; with Inngest the table stays empty and this deletes nothing.
    const jobRuns = await step.run("purge-finished-job-runs", async () => purgeFinishedJobRuns(await getPrisma()));
    return {
      idempotencyKeysDeleted: idempotencyKeys.deleted,
      rateLimitBucketsDeleted: rateLimitBuckets.deleted,
      jobRunsDeleted: jobRuns.deleted,
    };
  },
);
