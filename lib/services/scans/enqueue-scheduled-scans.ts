import { getPrisma, type Prisma } from "@/lib/db";
import { isServiceError } from "../errors";
import { createScanInTx } from "./create-scan";
import { enqueueScan } from "./enqueue-scan";

const BATCH = 50;

export function nextRunAfter(schedule: "daily" | "weekly" | "monthly", from: Date): Date {
  const next = new Date(from);
  if (schedule === "daily") next.setUTCDate(next.getUTCDate() + 1);
  else if (schedule === "weekly") next.setUTCDate(next.getUTCDate() + 7);
  else next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
}

export interface ScheduledScansOutcome {
  created: string[];
  skipped: { domainId: string; reason: string }[];
}

/**
 * Creates the scans of verified domains whose schedule is due (nextScheduledAt unset or past), charging
 * credits like any scan. Each domain is claimed by moving nextScheduledAt forward in the same transaction
 * that reserves and creates its scan, so two runners (or a repeated step) never scan a domain twice for
 * one period. A domain without enough credits is skipped for this period.
 */
export async function enqueueScheduledScans(input: { now?: Date } = {}, prisma?: Prisma): Promise<ScheduledScansOutcome> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const due = await db.domain.findMany({
    where: {
      schedule: { in: ["daily", "weekly", "monthly"] },
      verifiedAt: { not: null },
      OR: [{ nextScheduledAt: null }, { nextScheduledAt: { lte: now } }],
    },
    orderBy: { nextScheduledAt: "asc" },
    take: BATCH,
  });
  const outcome: ScheduledScansOutcome = { created: [], skipped: [] };
  for (const domain of due) {
    if (domain.schedule === "off") continue;
    const next = nextRunAfter(domain.schedule, now);
    try {
      const created = await db.$transaction(async (tx) => {
        const claimed = await tx.domain.updateMany({
          where: { id: domain.id, nextScheduledAt: domain.nextScheduledAt },
          data: { nextScheduledAt: next },
        });
        if (claimed.count === 0) return null;
        // The scheduler acts for the organization; no user or key is behind it.
        const actor = { orgId: domain.organizationId, userId: null, apiKeyId: null, requestId: null };
        return createScanInTx(tx, actor, {
          domainId: domain.id,
          pillars: domain.schedulePillars,
          trigger: "schedule",
          now,
        });
      });
      if (!created) continue;
      await enqueueScan({ scanId: created.scan.id, orgId: domain.organizationId }, db);
      outcome.created.push(created.scan.id);
    } catch (err) {
      if (!isServiceError(err)) throw err;
      // The claim rolled back with the failed reservation: move the schedule on so the domain isn't retried
      // every cron tick until credits arrive.
      await db.domain.updateMany({ where: { id: domain.id, nextScheduledAt: domain.nextScheduledAt }, data: { nextScheduledAt: next } });
      outcome.skipped.push({ domainId: domain.id, reason: err.code });
    }
  }
  return outcome;
}
