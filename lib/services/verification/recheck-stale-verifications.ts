import { getPrisma, type Prisma } from "@/lib/db";
import { recheckDomainVerification, type RecheckStatus } from "./recheck-domain-verification";

/** Every verified domain is re-checked at least this often (scheduled scans re-check more often). */
export const REVERIFY_INTERVAL_MS = 30 * 24 * 60 * 60 * 1000;
/** A domain whose last check was inconclusive is tried again after this long, so the grace period means something. */
export const INCONCLUSIVE_RETRY_MS = 24 * 60 * 60 * 1000;

export interface RecheckBatchOutcome {
  checked: number;
  counts: Record<RecheckStatus, number>;
  lostDomainIds: string[];
}

/**
 * One batch of re-verification: the verified domains checked longest ago (never, or more than 30 days ago,
 * or inconclusively more than a day ago), a few at a time. Each check moves verificationCheckedAt forward,
 * so a repeated batch picks the next domains.
 */
export async function recheckStaleVerifications(
  input: { now?: Date; batchSize?: number; concurrency?: number } = {},
  prisma?: Prisma,
): Promise<RecheckBatchOutcome> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const batchSize = Math.max(1, Math.min(500, input.batchSize ?? 25));
  const stale = new Date(now.getTime() - REVERIFY_INTERVAL_MS);
  const retry = new Date(now.getTime() - INCONCLUSIVE_RETRY_MS);
  const due = await db.$queryRaw<{ id: string; organizationId: string }[]>`
    SELECT "id", "organizationId" FROM "Domain"
    WHERE "verifiedAt" IS NOT NULL
      AND ("verificationCheckedAt" IS NULL
        OR "verificationCheckedAt" <= ${stale}
        OR ("verificationCheckedAt" <= ${retry}
            AND COALESCE("verificationConfirmedAt", "verifiedAt") < "verificationCheckedAt"))
    ORDER BY "verificationCheckedAt" ASC NULLS FIRST, "id" ASC
    LIMIT ${batchSize}`;
  const outcome: RecheckBatchOutcome = {
    checked: due.length,
    counts: { confirmed: 0, lost: 0, inconclusive: 0, not_verified: 0 },
    lostDomainIds: [],
  };
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const d = due[next++];
      const r = await recheckDomainVerification({ orgId: d.organizationId, domainId: d.id, now }, db);
      outcome.counts[r.status]++;
      if (r.status === "lost") outcome.lostDomainIds.push(d.id);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency ?? 4, due.length)) }, worker));
  return outcome;
}
