import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { recheckStaleVerifications } from "@/lib/services/verification/recheck-stale-verifications";

const BATCH_SIZE = 25;
// 40 batches of 25 = 1,000 domains a day, so every verified domain is re-checked within 30 days up to
// 30,000 verified domains; raise it before that. Each batch is its own step (a retry repeats one batch).
const MAX_BATCHES = 40;

// Daily at 04:23 UTC: verified domains whose proof was last checked 30 or more days ago (or inconclusively a
// day ago) are checked again; a domain whose proof is gone becomes unverified (recheck-domain-verification.ts).
export const reverifyDomainsFn = inngest.createFunction(
  {
    id: "reverify-domains",
    name: "Re-check domain ownership proofs",
    retries: 2,
    concurrency: 1,
    triggers: [cron("23 4 * * *")],
  },
  async ({ step }) => {
    const totals = { checked: 0, confirmed: 0, lost: 0, inconclusive: 0 };
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await step.run(`recheck-batch-${i}`, async () => {
        const r = await recheckStaleVerifications({ batchSize: BATCH_SIZE });
        return { checked: r.checked, confirmed: r.counts.confirmed, lost: r.counts.lost, inconclusive: r.counts.inconclusive };
      });
      totals.checked += batch.checked;
      totals.confirmed += batch.confirmed;
      totals.lost += batch.lost;
      totals.inconclusive += batch.inconclusive;
      if (batch.checked < BATCH_SIZE) break;
    }
    return totals;
  },
);
