import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { env } from "@/lib/env";
import { verificationRequested } from "@/inngest/events";
import { ScanError } from "@/lib/scanner";
import { failRecheck } from "@/lib/services/rechecks/fail-recheck";
import { markRecheckRunning } from "@/lib/services/rechecks/mark-recheck-running";
import { runRecheck } from "@/lib/services/rechecks/run-recheck";

// A finding's re-check ("verification" in the API): one rule on the finding's pages. Drives a browser, so it
// shares the scans' concurrency caps. The run and its settle are one step (the engine's result never goes
// into step state); settle is guarded on status=running, so a repeated step records nothing twice. A target
// the SSRF guard refuses or a site that cannot be reached fails at once; onFailure refunds the credit.
const PERMANENT = new Set(["invalid_url", "unreachable", "private_target"]);

export const verificationRequestedFn = inngest.createFunction(
  {
    id: "verification-requested",
    name: "Re-check a finding",
    retries: 2,
    concurrency: [
      { key: "event.data.organizationId", limit: env().PLUMB_SCAN_CONCURRENCY_PER_ORG },
      { limit: env().PLUMB_SCAN_CONCURRENCY },
    ],
    triggers: [{ event: verificationRequested }],
    onFailure: async ({ event, error }) => {
      const verificationId = (event.data.event.data as { verificationId?: unknown }).verificationId;
      if (typeof verificationId !== "string") return { refunded: 0 };
      const { refunded } = await failRecheck({ verificationId, error: `The re-check failed: ${error.message}` });
      return { refunded };
    },
  },
  async ({ event, step }) => {
    const { verificationId } = event.data;
    const started = await step.run("mark-running", () => markRecheckRunning({ verificationId }));
    if (!started.proceed) return { verificationId, status: "skipped" };
    const settled = await step.run("recheck", async () => {
      try {
        return await runRecheck({ verificationId });
      } catch (err) {
        if (err instanceof ScanError && PERMANENT.has(err.code)) throw new NonRetriableError(err.message, { cause: err });
        throw err;
      }
    });
    return { verificationId, ...settled };
  },
);
