// The running total on Organization must equal the ledger after every kind of movement, on PGlite and, with
// many concurrent writers, on PostgreSQL (where transactions really interleave).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { checkCreditBalances } from "@/lib/services/credits/check-credit-balances";
import { getCreditBalance } from "@/lib/services/credits/get-balance";
import { grantCredits } from "@/lib/services/credits/grant-credits";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { endScanUnsuccessfully } from "@/lib/services/scans/fail-scan";
import { createTestDatabase, testEngine } from "@/test/support/db";
import { ledgerSum, seedTenant } from "./seed";

describe("credit balance running total", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("follows grants, reservations, refunds and direct ledger writes", async () => {
    const t = await seedTenant(db.prisma, { credits: 10 });
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(await ledgerSum(db.prisma, t.orgId));
    await grantCredits({ orgId: t.orgId, amount: 5 }, db.prisma);
    const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["security", "seo"] }));
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(13);
    await endScanUnsuccessfully({ scanId: scan.id, status: "failed", error: "test" }, db.prisma);
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(15);
    const row = await db.prisma.creditLedger.create({ data: { organizationId: t.orgId, amount: -4, reason: "adjustment" } });
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(11);
    await db.prisma.creditLedger.update({ where: { id: row.id }, data: { amount: -1 } });
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(14);
    await db.prisma.creditLedger.delete({ where: { id: row.id } });
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(15);
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(15);
    expect(await checkCreditBalances({ orgId: t.orgId }, db.prisma)).toEqual([]);
  });

  it("reports an organization whose stored total drifted from its ledger", async () => {
    const t = await seedTenant(db.prisma, { credits: 3 });
    await db.prisma.organization.update({ where: { id: t.orgId }, data: { creditBalance: 99 } });
    expect(await checkCreditBalances({ orgId: t.orgId }, db.prisma)).toEqual([{ orgId: t.orgId, stored: 99, ledger: 3 }]);
  });

  it.skipIf(testEngine() !== "postgres")("equals the ledger after 40 concurrent writers (PostgreSQL)", async () => {
    const t = await seedTenant(db.prisma, { credits: 12 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        i % 4 === 0
          ? grantCredits({ orgId: t.orgId, amount: 1 }, db.prisma)
          : db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["security"] }), {
              timeout: 30_000,
              maxWait: 30_000,
            }),
      ),
    );
    const scans = await db.prisma.scan.findMany({ where: { organizationId: t.orgId }, select: { id: true } });
    await Promise.all(scans.map((s, i) => endScanUnsuccessfully({ scanId: s.id, status: i % 2 ? "canceled" : "failed", error: "race" }, db.prisma)));
    // A grant may lose to the pool's transaction timeout under this load; whatever committed is counted.
    const granted = outcomes.filter((o, i) => i % 4 === 0 && o.status === "fulfilled").length;
    expect(granted).toBeGreaterThan(0);
    const sum = await ledgerSum(db.prisma, t.orgId);
    expect(sum).toBe(12 + granted);
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(sum);
    expect(await checkCreditBalances({ orgId: t.orgId }, db.prisma)).toEqual([]);
  });
});
