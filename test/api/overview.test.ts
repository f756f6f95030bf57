// GET /api/v1/overview over real HTTP: the heatmap equals GET /domains/{id}'s composition, the trend window and
// its buckets, worst pages, common problems; scope, tenant isolation and bad input answered with the envelope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db";
import { SERVER_START_TIMEOUT, seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { api, seedDomain } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  shop: string;
  blog: string;
  foreign: string;
  scan: string;
  readKey: string;
  scansKey: string;
}

interface OverviewJson {
  heatmap: { total: number; domains: { domain_id: string; hostname: string; score: number | null; pillars: Record<string, { state: string; score: number | null; scan_id: string | null }> }[] };
  trend: { range_days: number; bucket_days: number; pillars: string[]; points: { at: string; domains: number; scores: Record<string, number> }[] };
  worst_pages: { url: string; hostname: string; score: number | null; severities: Record<string, number> }[];
  common_problems: { rule: string; domains: number; instances: number; severity: string }[];
  open_by_severity: Record<string, number>;
}

async function scan(db: Prisma, orgId: string, domainId: string, scores: Record<string, number>): Promise<string> {
  const at = new Date(Date.now() - 3_600_000);
  const s = await db.scan.create({
    data: { organizationId: orgId, domainId, status: "succeeded", pillars: Object.keys(scores) as never, scores, maxPages: 10, createdAt: at, finishedAt: at },
  });
  return s.id;
}

async function finding(db: Prisma, orgId: string, domainId: string, rule: string, severity: "high" | "low", fp: string) {
  await db.finding.create({
    data: { organizationId: orgId, domainId, fingerprint: fp, pillar: "seo", rule, severity, title: rule, description: "d", fix: "f", url: "https://x/", urls: [], instancesCount: 2 },
  });
}

let server: TestServer<Seeded>;

beforeAll(async () => {
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      const shop = await seedDomain(db, a.orgId, "https://shop.example");
      const blog = await seedDomain(db, a.orgId, "https://blog.example");
      const foreign = await seedDomain(db, b.orgId, "https://foreign.example");
      const s = await scan(db, a.orgId, shop, { security: 40, seo: 70 });
      await db.scanPage.create({ data: { scanId: s, url: "https://shop.example/cart", perfScore: 12, severities: { critical: 0, high: 2, medium: 0, low: 0, info: 0 } } });
      await scan(db, b.orgId, foreign, { security: 1 });
      await finding(db, a.orgId, shop, "seo-canonical", "low", "f1");
      await finding(db, a.orgId, blog, "seo-canonical", "high", "f2");
      await finding(db, b.orgId, foreign, "foreign-only", "high", "f3");
      return { a, b, shop, blog, foreign, scan: s, readKey: await seedApiKey(db, a.orgId, "domains:read"), scansKey: await seedApiKey(db, a.orgId, "scans:read") };
    },
  });
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await server?.stop();
});

describe("GET /api/v1/overview", () => {
  it("returns the heatmap from the composition, the trend, worst pages and common problems of the key's organization", async () => {
    const s = server.seeded;
    const call = api(server.baseUrl, s.readKey);
    const res = await call<OverviewJson>("GET", "/api/v1/overview");
    expect(res.status).toBe(200);
    const o = res.body.data;
    expect(o.heatmap.total).toBe(2);
    expect(o.heatmap.domains.map((d) => d.hostname)).toEqual(["shop.example", "blog.example"]);
    const composed = (await api(server.baseUrl, s.a.apiKey)<{ result: { pillars: Record<string, { state: string; score: number | null; scan_id: string | null }> } }>("GET", `/api/v1/domains/${s.shop}`)).body.data.result;
    for (const [p, cell] of Object.entries(o.heatmap.domains[0].pillars)) {
      expect(cell).toEqual({ state: composed.pillars[p].state, score: composed.pillars[p].score, scan_id: composed.pillars[p].scan_id });
    }
    expect(o.heatmap.domains[0].pillars.security).toEqual({ state: "scored", score: 40, scan_id: s.scan });
    expect(o.heatmap.domains[1].pillars.security.state).toBe("never_scanned");
    expect(o.trend).toMatchObject({ range_days: 30, bucket_days: 1, pillars: ["security", "seo"] });
    expect(o.trend.points).toHaveLength(30);
    expect(o.trend.points.at(-1)).toMatchObject({ domains: 1, scores: { security: 40, seo: 70 } });
    expect(o.worst_pages).toEqual([
      { domain_id: s.shop, hostname: "shop.example", scan_id: s.scan, url: "https://shop.example/cart", score: 12, severities: { critical: 0, high: 2, medium: 0, low: 0, info: 0 } },
    ]);
    expect(o.common_problems).toEqual([{ rule: "seo-canonical", pillar: "seo", title: "seo-canonical", severity: "high", domains: 2, findings: 2, instances: 4 }]);
    expect(o.open_by_severity).toEqual({ critical: 0, high: 1, medium: 0, low: 1, info: 0 });

    const year = await call<OverviewJson>("GET", `/api/v1/overview?range=365&domain_id=${s.blog}`);
    expect(year.status).toBe(200);
    expect(year.body.data.trend).toMatchObject({ range_days: 365, bucket_days: 7, pillars: [] });
    expect(year.body.data.trend.points).toHaveLength(53);
  });

  it("needs domains:read, keeps to the organization and refuses bad input with the envelope", async () => {
    const s = server.seeded;
    expect((await api(server.baseUrl, null)("GET", "/api/v1/overview")).status).toBe(401);
    const noScope = await api(server.baseUrl, s.scansKey)("GET", "/api/v1/overview");
    expect(noScope.status).toBe(403);
    expect(noScope.body.error?.code).toBe("forbidden");
    const call = api(server.baseUrl, s.readKey);
    const bad = await call("GET", "/api/v1/overview?range=7");
    expect(bad.status).toBe(422);
    expect(bad.body.error?.code).toBe("invalid_params");
    const foreign = await call("GET", `/api/v1/overview?domain_id=${s.foreign}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error?.code).toBe("not_found");
    // The other organization sees only its own.
    const b = (await api(server.baseUrl, s.b.apiKey)<OverviewJson>("GET", "/api/v1/overview")).body.data;
    expect(b.heatmap.domains.map((d) => d.hostname)).toEqual(["foreign.example"]);
    expect(b.common_problems.map((c) => c.rule)).toEqual(["foreign-only"]);
    expect(b.worst_pages).toEqual([]);
  });
});
