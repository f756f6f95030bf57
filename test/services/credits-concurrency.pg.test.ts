// PostgreSQL only: PGlite has one connection and serialises transactions, so it can't show a race.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { isServiceError } from "@/lib/services/errors";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { endScanUnsuccessfully } from "@/lib/services/scans/fail-scan";
import { createTestDatabase, testEngine } from "@/test/support/db";
import { ledgerSum, seedTenant } from "./seed";

describe.skipIf(testEngine() !== "postgres")("credit reservation under concurrency (PostgreSQL)", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("accepts exactly as many of 20 parallel scans as the balance pays for", async () => {
    const t = await seedTenant(db.prisma, { credits: 5 });
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["security"] }), {
          timeout: 30_000,
          maxWait: 30_000,
        }),
      ),
    );
    const accepted = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(isServiceError(r.reason) && r.reason.code).toBe("insufficient_credits");
    expect(await db.prisma.scan.count({ where: { organizationId: t.orgId } })).toBe(5);
    expect(await db.prisma.creditLedger.count({ where: { organizationId: t.orgId, reason: "scan_reserve" } })).toBe(5);
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(0);
  });

  it("refunds once when a cancel races the failure handler", async () => {
    const t = await seedTenant(db.prisma, { credits: 7 });
    const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId }));
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        endScanUnsuccessfully({ scanId: scan.id, status: i % 2 ? "canceled" : "failed", error: "race" }, db.prisma),
      ),
    );
    expect(outcomes.filter((o) => o.changed)).toHaveLength(1);
    expect(await db.prisma.creditLedger.count({ where: { scanId: scan.id, reason: "scan_refund" } })).toBe(1);
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(7);
  });
});
