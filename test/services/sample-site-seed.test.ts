// The first start's sample site: served on a stored loopback port, trusted by the SSRF guard for that exact
// origin only, seeded as a verified domain of the demo organization, and scanned for real (crawler, browser,
// checks) into a finished scan with findings in every pillar and per-page metrics.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { fetchCustomerUrl } from "@/lib/net/outbound";
import { SsrfError } from "@/lib/net/ssrf";
import { isSampleSiteOrigin, setSampleSiteOrigin } from "@/lib/net/sample-site-origin";
import { SAMPLE_SITE_FILE, startSampleSite } from "@/lib/sample-site/server";
import { seedDemo } from "@/lib/seed/demo";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { crawlScan } from "@/lib/services/scans/crawl-scan";
import { gatherScan } from "@/lib/services/scans/gather-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { PILLARS } from "@/lib/scanner/types";
import { createTestDatabase } from "@/test/support/db";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

let db: Database;
let dataDir: string;
let sample: Awaited<ReturnType<typeof startSampleSite>>;
let other: FixtureServer;

beforeAll(async () => {
  delete process.env.PLUMB_ALLOW_PRIVATE_TARGETS;
  resetEnv();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-sample-"));
  db = await createTestDatabase();
  other = await startFixtureServer({ root: path.resolve(import.meta.dirname, "..", "fixtures", "sites", "clean") });
});

afterAll(async () => {
  setSampleSiteOrigin(null);
  await sample?.close();
  await other?.close();
  await db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("sample site on the first start", { timeout: 180_000 }, () => {
  it("keeps its port across restarts (stored in the data directory)", async () => {
    const first = await startSampleSite({ dataDir });
    const stored = JSON.parse(fs.readFileSync(path.join(dataDir, SAMPLE_SITE_FILE), "utf8")) as { port: number };
    expect(stored.port).toBe(first.port);
    await first.close();
    sample = await startSampleSite({ dataDir });
    expect(sample.port).toBe(first.port);
    expect(sample.moved).toBe(false);
    expect(sample.origin).toBe(`http://127.0.0.1:${first.port}`);
  });

  it("is the only loopback origin the server's SSRF policy lets through", async () => {
    await expect(fetchCustomerUrl(`${sample.origin}/`)).rejects.toBeInstanceOf(SsrfError);
    setSampleSiteOrigin(sample.origin);
    expect(isSampleSiteOrigin(`${sample.origin}/menu.html`)).toBe(true);
    const res = await fetchCustomerUrl(`${sample.origin}/`);
    expect(res.status).toBe(200);
    expect(res.body).toContain("Harbor Coffee");
    // Same address, another port: still refused.
    await expect(fetchCustomerUrl(`${other.origin}/`)).rejects.toBeInstanceOf(SsrfError);
  });

  it("seeds a verified domain for the demo, and a real scan of it finishes with findings in every pillar", async () => {
    const demo = await seedDemo(db.prisma, { sampleOrigin: sample.origin });
    if (!demo.created || !demo.sampleDomainId) throw new Error("expected the demo and its sample domain");
    const domain = await db.prisma.domain.findUniqueOrThrow({ where: { id: demo.sampleDomainId } });
    expect(domain).toMatchObject({ organizationId: demo.orgId, host: `127.0.0.1:${sample.port}`, scheme: "http" });
    expect(domain.verifiedAt).not.toBeNull();

    // The stages of the scan job, as the engine runs them after launchSampleScan (no PLUMB_ALLOW_PRIVATE_TARGETS).
    const actor = { orgId: demo.orgId, userId: demo.userId, apiKeyId: null, requestId: null };
    const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, actor, { domainId: domain.id, maxPages: 10 }));
    const scanId = scan.id;
    expect((await markScanRunning({ scanId }, db.prisma)).proceed).toBe(true);
    const crawl = await crawlScan({ scanId }, db.prisma);
    expect(crawl.pagesTotal).toBeGreaterThanOrEqual(4);
    const gathered = await gatherScan({ scanId }, db.prisma);
    if (gathered.stopped) throw new Error("gather stopped");
    expect(gathered.pagesOk).toBeGreaterThanOrEqual(4);
    expect((await settleScan({ scanId, erroredRules: gathered.erroredRules }, db.prisma)).status).toBe("succeeded");

    const done = await db.prisma.scan.findUniqueOrThrow({ where: { id: scanId } });
    expect(done.status).toBe("succeeded");
    const findings = await db.prisma.finding.findMany({ where: { domainId: domain.id } });
    const pillars = new Set(findings.map((f) => f.pillar));
    for (const p of PILLARS) expect(pillars, `a finding in ${p}`).toContain(p);
    const rules = new Set(findings.map((f) => f.rule));
    expect([...rules]).toEqual(expect.arrayContaining(["perf-page-weight", "perf-oversized-images", "cookie-missing-httponly", "env-file-exposed"]));

    const scores = done.scores as Record<string, number>;
    for (const p of PILLARS) expect(typeof scores[p]).toBe("number");
    // A 4.5 MB bitmap on the home page costs points even on a fast loopback.
    expect(scores.performance).toBeLessThan(100);

    const home = await db.prisma.scanPage.findFirstOrThrow({ where: { scanId, url: `${sample.origin}/` } });
    expect(home.bytes).toBeGreaterThan(4_000_000);
    expect(home.lcpMs).not.toBeNull();
    expect(home.perfScore).not.toBeNull();
    expect(home.severities).toMatchObject({ high: expect.any(Number) });
  });
});
