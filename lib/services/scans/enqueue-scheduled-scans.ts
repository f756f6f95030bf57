import { normalizeDevices } from "@/lib/scanner/devices";
import { getPrisma, type Prisma } from "@/lib/db";
import { enqueueJobs, flushOutbox } from "@/lib/jobs/outbox";
import { getCreditBalance } from "../credits/get-balance";
import { lockOrganizationForCredits } from "../credits/lock-organization";
import { ensureMonthlyGrant } from "../credits/monthly-grant";
import { scanCost } from "../credits/scan-cost";
import { DEFAULT_MAX_PAGES, normalizePillars } from "./scan-defaults";
import type { Pillar, ScanSchedule } from "@/generated/prisma/enums";

const BATCH = 200;

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
  /** true when the last batch was full: more domains may be due (the caller runs another batch). */
  more: boolean;
}

/**
 * Creates the scans of verified domains whose schedule is due (nextScheduledAt unset or past), charging
 * credits like any scan, `batchSize` domains at a time for up to `maxBatches` batches. One transaction per
 * organization in a batch claims its due domains (moving nextScheduledAt forward), reserves credits under the
 * organization lock, creates the scans with their ledger rows, audit events and outbox rows — so two runners
 * (or a repeated step) never scan a domain twice for one period, and a crash never leaves a scan without its
 * job. A domain the balance cannot pay for is skipped for this period. The outbox is flushed once per batch.
 */
export async function enqueueScheduledScans(
  input: { now?: Date; batchSize?: number; maxBatches?: number } = {},
  prisma?: Prisma,
): Promise<ScheduledScansOutcome> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const batchSize = input.batchSize ?? BATCH;
  const maxBatches = input.maxBatches ?? 1;
  const outcome: ScheduledScansOutcome = { created: [], skipped: [], more: false };
  for (let batch = 0; batch < maxBatches; batch++) {
    const due = await db.domain.findMany({
      where: {
        schedule: { in: ["daily", "weekly", "monthly"] },
        verifiedAt: { not: null },
        OR: [{ nextScheduledAt: null }, { nextScheduledAt: { lte: now } }],
        // An organization scheduled for deletion starts no scans (lib/services/privacy).
        organization: { deletionScheduledFor: null },
      },
      orderBy: { nextScheduledAt: "asc" },
      take: batchSize,
      select: { id: true, organizationId: true, schedule: true, schedulePillars: true },
    });
    const byOrg = new Map<string, DueDomain[]>();
    for (const d of due) byOrg.set(d.organizationId, [...(byOrg.get(d.organizationId) ?? []), d]);
    for (const [orgId, domains] of byOrg) await scheduleOrganization(db, orgId, domains, now, outcome);
    await flushOutbox();
    outcome.more = due.length === batchSize;
    if (!outcome.more) break;
  }
  return outcome;
}

interface DueDomain {
  id: string;
  organizationId: string;
  schedule: ScanSchedule;
  schedulePillars: Pillar[];
}

async function scheduleOrganization(db: Prisma, orgId: string, domains: DueDomain[], now: Date, outcome: ScheduledScansOutcome): Promise<void> {
  const result = await db.$transaction(
    async (tx) => {
      // The claim: a domain another runner claimed first is no longer due and is not returned.
      const claimed = new Set<string>();
      for (const schedule of ["daily", "weekly", "monthly"] as const) {
        const ids = domains.filter((d) => d.schedule === schedule).map((d) => d.id);
        if (ids.length === 0) continue;
        const rows = await tx.domain.updateManyAndReturn({
          where: { id: { in: ids }, organizationId: orgId, OR: [{ nextScheduledAt: null }, { nextScheduledAt: { lte: now } }] },
          data: { nextScheduledAt: nextRunAfter(schedule, now) },
          select: { id: true },
        });
        for (const r of rows) claimed.add(r.id);
      }
      await lockOrganizationForCredits(tx, orgId);
      await ensureMonthlyGrant({ orgId, now }, tx);
      let balance = await getCreditBalance(orgId, tx);
      const accepted: { domainId: string; pillars: Pillar[]; cost: number }[] = [];
      const skipped: string[] = [];
      for (const d of domains) {
        if (!claimed.has(d.id)) continue;
        const pillars = normalizePillars(d.schedulePillars);
        const cost = scanCost(pillars);
        // The claim stays: a domain that can't be paid for waits for its next period, not the next tick.
        if (balance < cost) skipped.push(d.id);
        else {
          accepted.push({ domainId: d.id, pillars, cost });
          balance -= cost;
        }
      }
      if (accepted.length === 0) return { scanIds: [], skipped };
      // Each domain's device profiles (its scan settings); without settings the column default, mobile.
      const deviceRows = await tx.domainScanSettings.findMany({
        where: { organizationId: orgId, domainId: { in: accepted.map((a) => a.domainId) } },
        select: { domainId: true, devices: true },
      });
      const devicesOf = new Map(deviceRows.map((r) => [r.domainId, normalizeDevices(r.devices)]));
      // Domains whose scan settings ask for the before/after-consent loads.
      const withConsent = new Set(
        (await tx.domainScanSettings.findMany({ where: { organizationId: orgId, domainId: { in: accepted.map((a) => a.domainId) }, consent: true }, select: { domainId: true } })).map((r) => r.domainId),
      );
      const scans = await tx.scan.createManyAndReturn({
        data: accepted.map((a) => ({
          organizationId: orgId,
          domainId: a.domainId,
          pillars: a.pillars,
          ...(devicesOf.has(a.domainId) ? { devices: devicesOf.get(a.domainId) } : {}),
          maxPages: DEFAULT_MAX_PAGES,
          consent: withConsent.has(a.domainId),
          trigger: "schedule" as const,
          creditsReserved: a.cost,
        })),
        select: { id: true, domainId: true, pillars: true, creditsReserved: true },
      });
      await tx.creditLedger.createMany({
        data: scans.filter((s) => s.creditsReserved > 0).map((s) => ({ organizationId: orgId, amount: -s.creditsReserved, reason: "scan_reserve" as const, scanId: s.id })),
      });
      // The scheduler acts for the organization; no user or key is behind it.
      await tx.auditEvent.createMany({
        data: scans.map((s) => ({
          organizationId: orgId,
          actorUserId: null,
          actorApiKeyId: null,
          requestId: null,
          action: "scan.create",
          targetType: "scan",
          targetId: s.id,
          metadata: { domain_id: s.domainId, pillars: s.pillars, max_pages: DEFAULT_MAX_PAGES, trigger: "schedule", cost: s.creditsReserved },
        })),
      });
      await enqueueJobs(
        tx,
        scans.map((s) => ({ event: "plumb/scan.requested" as const, data: { scanId: s.id, organizationId: orgId }, key: `scan:${s.id}` })),
      );
      return { scanIds: scans.map((s) => s.id), skipped };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  outcome.created.push(...result.scanIds);
  for (const domainId of result.skipped) outcome.skipped.push({ domainId, reason: "insufficient_credits" });
}
