// Scheduled re-scans: due domains get a scan (trigger schedule, charged like any scan) once per period.
// createScan hands the job to the embedded engine, which runs in this process against the test database;
// the seeded hosts don't resolve, so those scans fail fast and are refunded — the assertions here look only
// at what the scheduler itself wrote, and at that failure path: onFailure marks the scan failed and refunds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { startJobEngine, stopJobEngine } from "@/lib/jobs";
import { enqueueScheduledScans, nextRunAfter } from "@/lib/services/scans/enqueue-scheduled-scans";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant } from "./seed";

let db: Database;
beforeAll(async () => {
  process.env.PLUMB_JOBS_CRON = "off";
  process.env.PLUMB_JOBS_POLL_SECONDS = "0.5";
  db = await createTestDatabase();
  setDatabase(db);
  await startJobEngine();
}, 300_000);
afterAll(async () => {
  await stopJobEngine();
  setDatabase(undefined);
  await db?.close();
});

describe("enqueueScheduledScans", () => {
  it("computes the next run per schedule", () => {
    const from = new Date("2026-01-31T10:00:00Z");
    expect(nextRunAfter("daily", from).toISOString()).toBe("2026-02-01T10:00:00.000Z");
    expect(nextRunAfter("weekly", from).toISOString()).toBe("2026-02-07T10:00:00.000Z");
    expect(nextRunAfter("monthly", new Date("2026-03-15T00:00:00Z")).toISOString()).toBe("2026-04-15T00:00:00.000Z");
  });

  it("scans due domains once per period, charging credits, and skips those that can't pay", async () => {
    const now = new Date();
    const due = await seedTenant(db.prisma, { credits: 50 });
    const poor = await seedTenant(db.prisma, { credits: 1 });
    const later = await seedTenant(db.prisma, { credits: 50 });
    const unverified = await seedTenant(db.prisma, { credits: 50, verified: false });
    await db.prisma.domain.update({ where: { id: due.domainId }, data: { schedule: "weekly", schedulePillars: ["seo", "security"], nextScheduledAt: new Date(now.getTime() - 60_000) } });
    await db.prisma.domain.update({ where: { id: poor.domainId }, data: { schedule: "daily", nextScheduledAt: null } });
    await db.prisma.domain.update({ where: { id: later.domainId }, data: { schedule: "daily", nextScheduledAt: new Date(now.getTime() + 3_600_000) } });
    await db.prisma.domain.update({ where: { id: unverified.domainId }, data: { schedule: "daily", nextScheduledAt: null } });

    const first = await enqueueScheduledScans({ now }, db.prisma);
    expect(first.created).toHaveLength(1);
    expect(first.skipped).toEqual([{ domainId: poor.domainId, reason: "insufficient_credits" }]);

    const scan = await db.prisma.scan.findUniqueOrThrow({ where: { id: first.created[0] } });
    expect(scan).toMatchObject({ domainId: due.domainId, trigger: "schedule", pillars: ["security", "seo"], creditsReserved: 2 });
    expect(await db.prisma.creditLedger.count({ where: { scanId: scan.id, reason: "scan_reserve" } })).toBe(1);
    const d = await db.prisma.domain.findUniqueOrThrow({ where: { id: due.domainId } });
    expect(d.nextScheduledAt?.toISOString()).toBe(nextRunAfter("weekly", now).toISOString());
    const p = await db.prisma.domain.findUniqueOrThrow({ where: { id: poor.domainId } });
    expect(p.nextScheduledAt?.toISOString()).toBe(nextRunAfter("daily", now).toISOString());

    // Same tick again (a retried step, a second runner): nothing new.
    const again = await enqueueScheduledScans({ now }, db.prisma);
    expect(again).toEqual({ created: [], skipped: [], more: false });
    expect(await db.prisma.scan.count({ where: { trigger: "schedule" } })).toBe(1);
    expect(await db.prisma.scan.count({ where: { domainId: { in: [later.domainId, unverified.domainId, poor.domainId] } } })).toBe(0);

    // The job finds the host unreachable: no retries, the scan fails with the reason, the credits come back once.
    const deadline = Date.now() + 60_000;
    let failed = await db.prisma.scan.findUniqueOrThrow({ where: { id: scan.id } });
    while (failed.status !== "failed" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      failed = await db.prisma.scan.findUniqueOrThrow({ where: { id: scan.id } });
    }
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/unreachable/);
    expect(await db.prisma.creditLedger.count({ where: { scanId: scan.id, reason: "scan_refund" } })).toBe(1);
    expect(await db.prisma.creditLedger.aggregate({ where: { organizationId: due.orgId }, _sum: { amount: true } })).toMatchObject({ _sum: { amount: 50 } });
  });

  it("works through every due domain in batches, each scan committed with its outbox row", async () => {
    const now = new Date();
    const tenants = [];
    for (let i = 0; i < 5; i++) tenants.push(await seedTenant(db.prisma, { credits: 50 }));
    for (const t of tenants) {
      await db.prisma.domain.update({ where: { id: t.domainId }, data: { schedule: "daily", schedulePillars: ["seo"], nextScheduledAt: new Date(now.getTime() - 1000) } });
    }
    const out = await enqueueScheduledScans({ now, batchSize: 2, maxBatches: 10 }, db.prisma);
    expect(out.created).toHaveLength(5);
    expect(out.more).toBe(false);
    const rows = await db.prisma.jobOutbox.findMany({ where: { key: { in: out.created.map((id) => `scan:${id}`) } } });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.event === "plumb/scan.requested")).toBe(true);
  });
});
