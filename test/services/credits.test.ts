import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { getCredits } from "@/lib/services/credits/get-credits";
import { ensureMonthlyGrant, monthlyPeriodKey } from "@/lib/services/credits/monthly-grant";
import { ServiceError } from "@/lib/services/errors";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { endScanUnsuccessfully } from "@/lib/services/scans/fail-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { createTestDatabase } from "@/test/support/db";
import { ledgerSum, seedTenant } from "./seed";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("scan credit reservation", () => {
  it("reserves 1 credit per pillar in the scan's transaction and reports what is left", async () => {
    const t = await seedTenant(db.prisma, { credits: 10 });
    const { scan, creditsRemaining } = await db.prisma.$transaction((tx) =>
      createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["security", "seo", "security"] }),
    );
    expect(scan.pillars).toEqual(["security", "seo"]);
    expect(scan.creditsReserved).toBe(2);
    expect(creditsRemaining).toBe(8);
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(8);
    const reserve = await db.prisma.creditLedger.findMany({ where: { scanId: scan.id } });
    expect(reserve).toMatchObject([{ amount: -2, reason: "scan_reserve" }]);
    const audit = await db.prisma.auditEvent.findMany({ where: { organizationId: t.orgId, action: "scan.create" } });
    expect(audit).toHaveLength(1);
  });

  it("defaults to all seven pillars", async () => {
    const t = await seedTenant(db.prisma, { credits: 7 });
    const { scan, creditsRemaining } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId }));
    expect(scan.pillars).toHaveLength(7);
    expect(creditsRemaining).toBe(0);
  });

  it("refuses a scan the balance cannot pay for, with cost and balance, and writes nothing", async () => {
    const t = await seedTenant(db.prisma, { credits: 3 });
    const err = await db.prisma
      .$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect(err).toMatchObject({ code: "insufficient_credits", details: { cost: 7, balance: 3 } });
    expect(await db.prisma.scan.count({ where: { organizationId: t.orgId } })).toBe(0);
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(3);
  });

  it("refuses unverified domains and other organizations' domains", async () => {
    const t = await seedTenant(db.prisma, { verified: false });
    const other = await seedTenant(db.prisma);
    await expect(db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId }))).rejects.toMatchObject({
      code: "domain_not_verified",
    });
    await expect(db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: other.domainId }))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refunds a failed or canceled scan exactly once", async () => {
    const t = await seedTenant(db.prisma, { credits: 20 });
    const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId }));
    await markScanRunning({ scanId: scan.id }, db.prisma);
    const first = await endScanUnsuccessfully({ scanId: scan.id, status: "failed", error: "boom" }, db.prisma);
    const again = await endScanUnsuccessfully({ scanId: scan.id, status: "canceled" }, db.prisma);
    expect(first).toEqual({ changed: true, refunded: 7 });
    expect(again).toEqual({ changed: false, refunded: 0 });
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(20);
    const row = await db.prisma.scan.findUniqueOrThrow({ where: { id: scan.id } });
    expect(row).toMatchObject({ status: "failed", error: "boom", creditsCharged: 0 });
    expect(await db.prisma.creditLedger.count({ where: { scanId: scan.id, reason: "scan_refund" } })).toBe(1);
  });

  it("charges a succeeded scan and never refunds it afterwards", async () => {
    const t = await seedTenant(db.prisma, { credits: 20 });
    const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["seo"] }));
    await markScanRunning({ scanId: scan.id }, db.prisma);
    const settled = await settleScan({ scanId: scan.id }, db.prisma);
    expect(settled).toMatchObject({ settled: true, status: "succeeded" });
    expect(await settleScan({ scanId: scan.id }, db.prisma)).toMatchObject({ settled: false });
    expect(await endScanUnsuccessfully({ scanId: scan.id, status: "canceled" }, db.prisma)).toEqual({ changed: false, refunded: 0 });
    expect(await db.prisma.scan.findUniqueOrThrow({ where: { id: scan.id } })).toMatchObject({ status: "succeeded", creditsCharged: 1 });
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(19);
  });
});

describe("monthly free grant", () => {
  it("is granted once per organization and month, also under concurrent calls", async () => {
    const t = await seedTenant(db.prisma, { credits: 0, now: new Date("2026-01-15T00:00:00Z") });
    const nov = new Date("2026-11-03T10:00:00Z");
    const results = await Promise.all(Array.from({ length: 5 }, () => ensureMonthlyGrant({ orgId: t.orgId, now: nov }, db.prisma)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await ensureMonthlyGrant({ orgId: t.orgId, now: nov }, db.prisma)).toBe(false);
    expect(await ensureMonthlyGrant({ orgId: t.orgId, now: new Date("2026-12-01T00:00:00Z") }, db.prisma)).toBe(true);
    const rows = await db.prisma.creditLedger.findMany({ where: { organizationId: t.orgId, reason: "monthly_grant" }, orderBy: { periodKey: "asc" } });
    expect(rows.map((r) => r.periodKey)).toEqual(["monthly:2026-01", "monthly:2026-11", "monthly:2026-12"]);
    expect(rows.map((r) => r.amount)).toEqual([0, 100, 100]);
  });

  it("shows up in the ledger when credits are read", async () => {
    const t = await seedTenant(db.prisma, { credits: 5, now: new Date("2026-01-15T00:00:00Z") });
    const now = new Date();
    const credits = await getCredits({ orgId: t.orgId, limit: 1 }, db.prisma);
    expect(credits.balance).toBe(105);
    expect(credits.ledger).toHaveLength(1);
    expect(credits.ledger[0]).toMatchObject({ reason: "monthly_grant", periodKey: monthlyPeriodKey(now), amount: 100 });
    expect(credits.nextCursor).not.toBeNull();
    const next = await getCredits({ orgId: t.orgId, limit: 10, cursor: credits.nextCursor! }, db.prisma);
    expect(next.ledger.map((e) => e.periodKey)).toEqual(["monthly:2026-01"]);
    expect(next.nextCursor).toBeNull();
  });
});
