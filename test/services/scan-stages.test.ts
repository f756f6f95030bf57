// The scan job's stages run directly against a fixture site (real crawler, real browser): each one may run
// twice after a crash and must converge, and a cancel stops the gather stage.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { crawlScan } from "@/lib/services/scans/crawl-scan";
import { endScanUnsuccessfully } from "@/lib/services/scans/fail-scan";
import { gatherScan } from "@/lib/services/scans/gather-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { createTestDatabase } from "@/test/support/db";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { ledgerSum, seedTenant, type SeededTenant } from "./seed";

let db: Database;
let site: FixtureServer;
let siteDir: string;
let t: SeededTenant;

beforeAll(async () => {
  process.env.PLUMB_ALLOW_PRIVATE_TARGETS = "1";
  resetEnv();
  siteDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-stages-"));
  fs.cpSync(path.resolve(import.meta.dirname, "..", "fixtures", "sites", "clean"), siteDir, { recursive: true });
  site = await startFixtureServer({ root: siteDir });
  db = await createTestDatabase();
  t = await seedTenant(db.prisma, { credits: 100 });
  await db.prisma.domain.update({ where: { id: t.domainId }, data: { scheme: "http", host: new URL(site.origin).host } });
});

afterAll(async () => {
  await db?.close();
  await site?.close();
  if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
  delete process.env.PLUMB_ALLOW_PRIVATE_TARGETS;
  resetEnv();
});

async function newScan(pillars: ("security" | "seo" | "accessibility")[]) {
  const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars, maxPages: 3 }));
  return scan.id;
}

describe("scan stages", { timeout: 120_000 }, () => {
  it("converge when every stage runs twice", async () => {
    const scanId = await newScan(["security", "seo"]);
    expect(await markScanRunning({ scanId }, db.prisma)).toEqual({ proceed: true, status: "running" });
    expect(await markScanRunning({ scanId }, db.prisma)).toEqual({ proceed: true, status: "running" });

    const crawl1 = await crawlScan({ scanId }, db.prisma);
    const crawl2 = await crawlScan({ scanId }, db.prisma);
    expect(crawl1.stopped).toBe(false);
    expect(crawl1.pagesTotal).toBeGreaterThan(0);
    expect(crawl1.pagesTotal).toBeLessThanOrEqual(3);
    expect(crawl2).toEqual(crawl1);

    const g1 = await gatherScan({ scanId }, db.prisma);
    const g2 = await gatherScan({ scanId }, db.prisma);
    if (g1.stopped || g2.stopped) throw new Error("gather stopped unexpectedly");
    expect(g1.findings).toBeGreaterThan(0); // plain HTTP on loopback at least
    expect(g2.findings).toBe(g1.findings);
    expect(g2.created).toBe(0);
    expect(g1.pagesOk).toBe(crawl1.pagesTotal);
    expect(await db.prisma.scanPage.count({ where: { scanId } })).toBe(crawl1.pagesTotal);
    expect(await db.prisma.findingOccurrence.count({ where: { scanId } })).toBe(g1.findings);
    expect(await db.prisma.finding.count({ where: { domainId: t.domainId } })).toBe(g1.findings);

    const s1 = await settleScan({ scanId, erroredRules: g1.erroredRules }, db.prisma);
    const s2 = await settleScan({ scanId, erroredRules: g2.erroredRules }, db.prisma);
    expect(s1).toMatchObject({ settled: true, status: "succeeded" });
    expect(s2).toMatchObject({ settled: false, status: "succeeded" });
    const scan = await db.prisma.scan.findUniqueOrThrow({ where: { id: scanId } });
    expect(scan).toMatchObject({ status: "succeeded", pagesDone: crawl1.pagesTotal, creditsCharged: 2 });
    expect(scan.grade).toMatch(/^[A-F][+-]?$/);
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(98);
  });

  it("stop when the scan is canceled, and the stages after a cancel do nothing", async () => {
    const before = await ledgerSum(db.prisma, t.orgId);
    const scanId = await newScan(["accessibility"]);
    await markScanRunning({ scanId }, db.prisma);
    await crawlScan({ scanId }, db.prisma);
    const gathering = gatherScan({ scanId }, db.prisma);
    expect(await endScanUnsuccessfully({ scanId, status: "canceled" }, db.prisma)).toMatchObject({ changed: true, refunded: 1 });
    expect(await gathering).toEqual({ stopped: true });
    expect(await crawlScan({ scanId }, db.prisma)).toEqual({ stopped: true, pagesTotal: 0 });
    expect(await markScanRunning({ scanId }, db.prisma)).toEqual({ proceed: false, status: "canceled" });
    expect(await settleScan({ scanId }, db.prisma)).toMatchObject({ settled: false, status: "canceled" });
    expect(await db.prisma.findingOccurrence.count({ where: { scanId } })).toBe(0);
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(before);
  });
});
