import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { integrationSyncRequested } from "@/inngest/events";
import { ProviderError } from "@/lib/integrations/provider";
import { finishIntegrationSync } from "@/lib/services/integrations/finish-integration-sync";
import { recordIntegrationError } from "@/lib/services/integrations/record-integration-error";
import { syncIntegrationBatch } from "@/lib/services/integrations/sync-integration-batch";
import { syncPageTraffic } from "@/lib/services/integrations/traffic/sync-page-traffic";

// Batches of 50 links; 200 batches = 10,000 issues per run (a bigger backlog continues in the next sync).
const MAX_BATCHES = 200;
const MAX_RATE_LIMIT_SLEEPS = 20;

// One integration's issue sync (lib/services/integrations/sync-integration-batch.ts). Keyed concurrency: one
// run per integration at a time, so two syncs never race to create the same issue. A rate limit longer than
// the fetch waits inline becomes a durable sleep here; credentials or permissions refused stop the run with
// the integration in `error` and the reason in plain words; anything retryable is retried by the step.
export const integrationSyncRequestedFn = inngest.createFunction(
  {
    id: "integration-sync-requested",
    name: "Sync an integration's issues",
    retries: 4,
    concurrency: [{ key: "event.data.integrationId", limit: 1 }, { limit: 4 }],
    triggers: [{ event: integrationSyncRequested }],
    onFailure: async ({ event, error }) => {
      const integrationId = (event.data.event.data as { integrationId?: unknown }).integrationId;
      if (typeof integrationId !== "string") return { failed: 0 };
      await recordIntegrationError({ integrationId, error: new ProviderError("server", `The sync failed after several retries: ${error.message.slice(0, 300)}`) });
      return { failed: 1 };
    },
  },
  async ({ event, step }) => {
    const { integrationId, organizationId } = event.data;
    const totals = { created: 0, updated: 0, closed: 0, reopened: 0, unchanged: 0, failed: 0, calls: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 };
    // GA4 and Search Console have no issues to sync: their sync reads page traffic (PageTraffic).
    const traffic = await step.run("page-traffic", async () => {
      try {
        return { ok: true as const, ...(await syncPageTraffic({ orgId: organizationId, integrationId })) };
      } catch (err) {
        if (err instanceof ProviderError && !err.retryable) {
          const message = await recordIntegrationError({ integrationId, error: err });
          throw new NonRetriableError(message, { cause: err });
        }
        throw err;
      }
    });
    totals.calls += traffic.calls;
    let cursor: string | null = null;
    let sleeps = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const r = await step.run(`sync-batch-${i}`, async () => {
        try {
          return { ok: true as const, ...(await syncIntegrationBatch({ integrationId, organizationId, cursor })) };
        } catch (err) {
          if (err instanceof ProviderError && err.kind === "rate_limited") return { ok: false as const, waitMs: err.details.retryAfterMs ?? 60_000 };
          if (err instanceof ProviderError && !err.retryable) {
            const message = await recordIntegrationError({ integrationId, error: err });
            throw new NonRetriableError(message, { cause: err });
          }
          throw err;
        }
      });
      if (!r.ok) {
        if (++sleeps > MAX_RATE_LIMIT_SLEEPS) throw new NonRetriableError("The provider kept refusing for its rate limit.");
        totals.rateLimitWaits++;
        totals.rateLimitWaitMs += r.waitMs;
        await step.sleep(`rate-limit-${i}`, Math.min(r.waitMs + 1000, 3_600_000));
        i--; // the same batch again, from the same cursor
        continue;
      }
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
      cursor = r.nextCursor;
      if (!cursor) break;
    }
    await step.run("finish", () => finishIntegrationSync({ integrationId, failed: totals.failed }));
    return totals;
  },
);
