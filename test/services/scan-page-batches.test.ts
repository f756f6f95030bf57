// A long scan loads its pages in batches, one job step each (inngest/functions/scan-requested.ts). Here the
// stages run directly against a fixture site (real crawler, real browser) with a batch size of 2: a "crash"
// after two batches, then the run resumed from its first stage, must load no page twice and record exactly
// what a scan of the same site in one batch records.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { crawlScan } from "@/lib/services/scans/crawl-scan";
import { checkGatheredScan } from "@/lib/services/scans/check-gathered-scan";
import { gatherScan } from "@/lib/services/scans/gather-scan";
import { gatherScanBatch } from "@/lib/services/scans/gather-scan-batch";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { purgeStaleScanArtifacts } from "@/lib/services/maintenance/purge-stale-scan-artifacts";
import { encodePageArtifacts } from "@/lib/services/scans/page-artifact-codec";
import type { PageArtifacts } from "@/lib/scanner/types";
import { createTestDatabase } from "@/test/support/db";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { seedTenant } from "./seed";

const BATCH = 2;
const PAGES = 6;

let db: Database;
let site: FixtureServer;
let siteDir: string;

beforeAll(async () => {
  process.env.PLUMB_ALLOW_PRIVATE_TARGETS = "1";
  resetEnv();
  siteDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-batches-"));
  fs.cpSync(path.resolve(import.meta.dirname, "..", "fixtures", "sites", "clean"), siteDir, { recursive: true });
  site = await startFixtureServer({ root: siteDir });
  db = await createTestDatabase();
}, 600_000);

afterAll(async () => {
  await db?.close();
  await site?.close();
  if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
  delete process.env.PLUMB_ALLOW_PRIVATE_TARGETS;
  resetEnv();
});

/** A tenant of its own per scan (findings are per domain), its domain on the fixture site. */
async function newScan(): Promise<string> {
  const t = await seedTenant(db.prisma, { credits: 100 });
  await db.prisma.domain.update({ where: { id: t.domainId }, data: { scheme: "http", host: new URL(site.origin).host } });
  const { scan } = await db.prisma.$transaction((tx) =>
    createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["security", "seo"], maxPages: PAGES }),
  );
  expect(await markScanRunning({ scanId: scan.id }, db.prisma)).toMatchObject({ proceed: true });
  const crawl = await crawlScan({ scanId: scan.id }, db.prisma);
  expect(crawl.pagesTotal).toBe(PAGES);
  return scan.id;
}

async function pagePaths(scanId: string): Promise<Set<string>> {
  const pages = await db.prisma.scanPage.findMany({ where: { scanId }, select: { url: true } });
  return new Set(pages.map((p) => new URL(p.url).pathname));
}

/** GETs of the scan's pages the fixture server received while `fn` ran, counted per path. */
async function pageLoads<T>(pages: Set<string>, fn: () => Promise<T>): Promise<{ value: T; loads: Map<string, number> }> {
  const from = site.requests.length;
  const value = await fn();
  const loads = new Map<string, number>();
  for (const r of site.requests.slice(from)) {
    const p = r.path.split("?")[0];
    if (r.method === "GET" && pages.has(p)) loads.set(p, (loads.get(p) ?? 0) + 1);
  }
  return { value, loads };
}

function addLoads(into: Map<string, number>, from: Map<string, number>) {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

/** What a scan recorded, without ids, times and lab metrics (those differ between two loads of a page). */
async function recorded(scanId: string) {
  const scan = await db.prisma.scan.findUniqueOrThrow({ where: { id: scanId } });
  const pages = await db.prisma.scanPage.findMany({
    where: { scanId },
    select: { url: true, status: true, outcome: true, error: true, title: true, robotsBlocked: true, severities: true },
    orderBy: { url: "asc" },
  });
  const occurrences = await db.prisma.findingOccurrence.findMany({ where: { scanId }, include: { finding: true } });
  const findings = occurrences
    .map((o) => ({ fingerprint: o.finding.fingerprint, rule: o.finding.rule, severity: o.finding.severity, title: o.finding.title, urls: [...o.finding.urls].sort() }))
    .sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
  return {
    status: scan.status,
    scores: scan.scores,
    score: scan.score,
    grade: scan.grade,
    securityGrade: scan.securityGrade,
    summary: scan.summary,
    pagesTotal: scan.pagesTotal,
    pagesDone: scan.pagesDone,
    pages: pages.map((p) => ({ ...p, url: new URL(p.url).pathname })),
    findings,
  };
}

describe("scan page batches", { timeout: 900_000 }, () => {
  it("resume after a crash between batches without loading a page twice, and record what one batch records", async () => {
    // Uninterrupted, all pages in one batch (how a scan ran before batching).
    const whole = await newScan();
    const wholePages = await pagePaths(whole);
    const once = await pageLoads(wholePages, () => gatherScan({ scanId: whole, batchSize: 100 }, db.prisma));
    if (once.value.stopped) throw new Error("stopped");
    await settleScan({ scanId: whole, erroredRules: once.value.erroredRules }, db.prisma);
    expect([...once.loads.keys()].sort()).toEqual([...wholePages].sort());

    // Batches of 2; the process dies after the second batch (nothing after it ran, nothing was memoized).
    const scanId = await newScan();
    const pages = await pagePaths(scanId);
    const loads = new Map<string, number>();
    for (const offset of [0, BATCH]) {
      const b = await pageLoads(pages, () => gatherScanBatch({ scanId, offset, limit: BATCH }, db.prisma));
      expect(b.value).toEqual({ stopped: false, loaded: BATCH, pagesGathered: offset + BATCH, pagesTotal: PAGES });
      expect(b.loads.size).toBe(BATCH);
      addLoads(loads, b.loads);
    }
    expect(await db.prisma.scanPageArtifact.count({ where: { scanId } })).toBe(2 * BATCH);
    expect((await db.prisma.scan.findUniqueOrThrow({ where: { id: scanId } })).pagesDone).toBe(2 * BATCH);

    // Resumed from the first stage, as a retried run without its memo would.
    expect(await markScanRunning({ scanId }, db.prisma)).toMatchObject({ proceed: true });
    expect((await crawlScan({ scanId }, db.prisma)).pagesTotal).toBe(PAGES);
    for (let offset = 0; offset < PAGES; offset += BATCH) {
      const b = await pageLoads(pages, () => gatherScanBatch({ scanId, offset, limit: BATCH }, db.prisma));
      expect(b.value).toEqual({ stopped: false, loaded: offset < 2 * BATCH ? 0 : BATCH, pagesGathered: Math.max(2 * BATCH, offset + BATCH), pagesTotal: PAGES });
      addLoads(loads, b.loads);
    }
    const checked = await pageLoads(pages, () => checkGatheredScan({ scanId }, db.prisma));
    if (checked.value.stopped) throw new Error("stopped");
    await settleScan({ scanId, erroredRules: checked.value.erroredRules }, db.prisma);

    // Every page loaded exactly once by the batches, and the check stage loaded none in a browser (its site
    // probes may fetch the home page, as in a one-batch scan).
    expect([...loads.entries()].sort()).toEqual([...pages].sort().map((p) => [p, 1]));
    expect([...checked.loads.keys()].every((p) => p === "/")).toBe(true);
    expect(await db.prisma.scanPageArtifact.count({ where: { scanId } })).toBe(0);

    const a = await recorded(whole);
    const b = await recorded(scanId);
    // Every page of the fixture has a title. A page without one here means the browser's DOM collection ran
    // out of time (a machine too loaded to load pages reliably), and two loads of a page then differ for
    // reasons that have nothing to do with batching: say so rather than report a difference in findings.
    const untitled = [...a.pages, ...b.pages].filter((p) => p.outcome === "ok" && !p.title).map((p) => p.url);
    expect(untitled, "pages whose DOM was not collected (machine overloaded?)").toEqual([]);
    expect(b.findings.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(b).toMatchObject({ status: "succeeded", pagesDone: PAGES, pagesTotal: PAGES });
  });

  it("gathers in the check stage a page whose saved artifacts cannot be read", async () => {
    const scanId = await newScan();
    for (let offset = 0; offset < PAGES; offset += BATCH) await gatherScanBatch({ scanId, offset, limit: BATCH }, db.prisma);
    const [first] = await db.prisma.scanPageArtifact.findMany({ where: { scanId }, take: 1 });
    await db.prisma.scanPageArtifact.update({ where: { scanPageId: first.scanPageId }, data: { data: new Uint8Array([1, 2, 3]) } });
    const page = await db.prisma.scanPage.findUniqueOrThrow({ where: { id: first.scanPageId } });
    const pages = await pagePaths(scanId);
    const checked = await pageLoads(pages, () => checkGatheredScan({ scanId }, db.prisma));
    if (checked.value.stopped) throw new Error("stopped");
    expect(checked.value.pagesOk).toBe(PAGES);
    expect(checked.loads.get(new URL(page.url).pathname)).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.scanPageArtifact.count({ where: { scanId } })).toBe(0);
  });

  it("the daily maintenance deletes artifacts of scans that ended between their batches, and stale ones", async () => {
    const t = await seedTenant(db.prisma, { credits: 100 });
    const scanIn = async (status: "running" | "failed", url: string, createdAt: Date) => {
      const scan = await db.prisma.scan.create({ data: { organizationId: t.orgId, domainId: t.domainId, status, pillars: ["seo"], maxPages: 1 } });
      const page = await db.prisma.scanPage.create({ data: { scanId: scan.id, url, outcome: "pending" } });
      const artifact = { url, finalUrl: url, status: 200, errors: [] } as unknown as PageArtifacts;
      await db.prisma.scanPageArtifact.create({ data: { scanPageId: page.id, scanId: scan.id, data: encodePageArtifacts(artifact), createdAt } });
      return scan.id;
    };
    const now = new Date();
    const running = await scanIn("running", "https://a.example/", now);
    const failed = await scanIn("failed", "https://b.example/", now);
    const stale = await scanIn("running", "https://c.example/", new Date(now.getTime() - 25 * 3600_000));
    expect(await purgeStaleScanArtifacts({ now }, db.prisma)).toEqual({ deleted: 2 });
    expect(await db.prisma.scanPageArtifact.count({ where: { scanId: running } })).toBe(1);
    expect(await db.prisma.scanPageArtifact.count({ where: { scanId: { in: [failed, stale] } } })).toBe(0);
  });
});
