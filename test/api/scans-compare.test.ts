// GET /api/v1/scans/compare over real HTTP: new, fixed and unchanged findings and per-pillar score deltas
// between two finished scans of a domain, recorded through the same services the scan job uses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db";
import type { Finding, ScanResult } from "@/lib/scanner/types";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { SERVER_START_TIMEOUT, seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { api, seedDomain, setMonthlyCredits } from "./scans-support";

const ORIGIN = "https://shop.example";

function finding(fingerprint: string, over: Partial<Finding> = {}): Finding {
  return {
    pillar: "accessibility",
    rule: `rule-${fingerprint}`,
    severity: "high",
    title: `Problem ${fingerprint}`,
    description: "Something to fix.",
    url: `${ORIGIN}/`,
    urls: [`${ORIGIN}/`],
    fix: "Fix it.",
    fingerprint,
    ...over,
  };
}

function result(findings: Finding[], scores: ScanResult["scores"], score: number): ScanResult {
  const now = new Date().toISOString();
  return {
    target: ORIGIN,
    started_at: now,
    finished_at: now,
    pages: [{ url: `${ORIGIN}/`, status: 200, metrics: { ttfb: 40, fcp: 300, lcp: 900, cls: 0.02, tbt: 10, load: 700, bytes: 120_000, requests: 9 }, performance_score: 98 }],
    scores,
    score,
    grade: "C",
    findings,
    checks: [],
    timings: {},
  };
}

async function finishedScan(db: Prisma, org: SeededOrg, domainId: string, res: ScanResult, pillars: ("accessibility" | "security" | "performance")[]): Promise<string> {
  const actor = { orgId: org.orgId, userId: org.userId, apiKeyId: null, requestId: null };
  const { scan } = await db.$transaction((tx) => createScanInTx(tx, actor, { domainId, pillars }));
  await markScanRunning({ scanId: scan.id }, db);
  const recorded = await recordScanResults({ scanId: scan.id, result: res }, db);
  await settleScan({ scanId: scan.id, erroredRules: recorded.erroredRules }, db);
  return scan.id;
}

interface Seeded {
  a: SeededOrg;
  noScopeKey: string;
  older: string;
  newer: string;
  otherDomainScan: string;
  running: string;
  b: SeededOrg;
  bScan: string;
}

interface ComparisonJson {
  domain_id: string;
  base: { id: string };
  target: { id: string };
  overall: { base: number | null; target: number | null; delta: number | null };
  pillars: Record<string, { base: number | null; target: number | null; delta: number | null }>;
  counts: { new: number; fixed: number; unchanged: number };
  new: { fingerprint: string }[];
  fixed: { fingerprint: string }[];
  unchanged: { fingerprint: string }[];
}

let server: TestServer<Seeded>;

beforeAll(async () => {
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      await setMonthlyCredits(db, a.orgId, 1000);
      await setMonthlyCredits(db, b.orgId, 1000);
      const domain = await seedDomain(db, a.orgId, ORIGIN);
      const other = await seedDomain(db, a.orgId, "https://other.example");
      const pillars: ("accessibility" | "security" | "performance")[] = ["accessibility", "security", "performance"];
      const older = await finishedScan(db, a, domain, result([finding("f1"), finding("f2"), finding("f3", { pillar: "security", severity: "medium" })], { accessibility: 60, security: 70, performance: 90 }, 73), pillars);
      // Newer: f1 fixed, f2 and f3 unchanged, f4 new; accessibility up, performance down.
      const newer = await finishedScan(db, a, domain, result([finding("f2"), finding("f3", { pillar: "security", severity: "medium" }), finding("f4", { pillar: "performance", severity: "low" })], { accessibility: 85, security: 70, performance: 81 }, 79), pillars);
      const otherDomainScan = await finishedScan(db, a, other, result([], { accessibility: 100 }, 100), ["accessibility"]);
      const actor = { orgId: a.orgId, userId: a.userId, apiKeyId: null, requestId: null };
      const { scan: running } = await db.$transaction((tx) => createScanInTx(tx, actor, { domainId: domain, pillars: ["security"] }));
      const bDomain = await seedDomain(db, b.orgId, ORIGIN);
      const bScan = await finishedScan(db, b, bDomain, result([finding("f1")], { accessibility: 50 }, 50), ["accessibility"]);
      return { a, noScopeKey: await seedApiKey(db, a.orgId, "domains:read"), older, newer, otherDomainScan, running: running.id, b, bScan };
    },
  });
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await server?.stop();
});

describe("GET /api/v1/scans/compare", () => {
  it("lists new, fixed and unchanged findings and the score change per pillar, in either order", async () => {
    const s = server.seeded;
    const call = api(server.baseUrl, s.a.apiKey);
    for (const [a, b] of [[s.older, s.newer], [s.newer, s.older]]) {
      const res = await call<ComparisonJson>("GET", `/api/v1/scans/compare?a=${a}&b=${b}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-request-id")).toBeTruthy();
      const c = res.body.data;
      expect(c.base.id).toBe(s.older);
      expect(c.target.id).toBe(s.newer);
      expect(c.new.map((f) => f.fingerprint)).toEqual(["f4"]);
      expect(c.fixed.map((f) => f.fingerprint)).toEqual(["f1"]);
      expect(c.unchanged.map((f) => f.fingerprint).sort()).toEqual(["f2", "f3"]);
      expect(c.counts).toEqual({ new: 1, fixed: 1, unchanged: 2 });
      expect(c.overall).toEqual({ base: 73, target: 79, delta: 6 });
      expect(c.pillars.accessibility).toEqual({ base: 60, target: 85, delta: 25 });
      expect(c.pillars.security).toEqual({ base: 70, target: 70, delta: 0 });
      expect(c.pillars.performance).toEqual({ base: 90, target: 81, delta: -9 });
    }
  });

  it("answers with the documented errors", async () => {
    const s = server.seeded;
    const call = api(server.baseUrl, s.a.apiKey);
    const missing = await call("GET", `/api/v1/scans/compare?a=${s.older}`);
    expect(missing.status).toBe(422);
    expect(missing.body.error?.code).toBe("invalid_params");
    const same = await call("GET", `/api/v1/scans/compare?a=${s.older}&b=${s.older}`);
    expect(same.status).toBe(422);
    const otherDomain = await call("GET", `/api/v1/scans/compare?a=${s.older}&b=${s.otherDomainScan}`);
    expect(otherDomain.status).toBe(422);
    expect(otherDomain.body.error?.message).toMatch(/same domain/);
    const unfinished = await call("GET", `/api/v1/scans/compare?a=${s.older}&b=${s.running}`);
    expect(unfinished.status).toBe(409);
    expect(unfinished.body.error?.code).toBe("conflict");
    // Another organization's scan is not found, whichever side it is on.
    expect((await call("GET", `/api/v1/scans/compare?a=${s.older}&b=${s.bScan}`)).status).toBe(404);
    expect((await api(server.baseUrl, s.b.apiKey)("GET", `/api/v1/scans/compare?a=${s.older}&b=${s.newer}`)).status).toBe(404);
    expect((await api(server.baseUrl, null)("GET", `/api/v1/scans/compare?a=${s.older}&b=${s.newer}`)).status).toBe(401);
    const noScope = await api(server.baseUrl, s.noScopeKey)("GET", `/api/v1/scans/compare?a=${s.older}&b=${s.newer}`);
    expect(noScope.status).toBe(403);
  });
});
