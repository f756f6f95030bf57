// POST/GET /scans, cancel, credits and idempotency over real HTTP. Scans here target a site that answers
// every request after 60 s: they stay queued/running until canceled or until the job gives the site up
// (then they fail and are refunded), so credit assertions look at each scan's own ledger rows.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { testEngine } from "@/test/support/db";
import { api, readSse, seedDomain, setMonthlyCredits, slowSite } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  readOnlyKey: string;
  domainA: string;
  unverifiedA: string;
  poor: SeededOrg;
  domainPoor: string;
  b: SeededOrg;
  domainB: string;
  racer: SeededOrg;
  domainRacer: string;
}

interface ScanJson {
  id: string;
  status: string;
  domain_id: string;
  pillars: string[];
  credits_reserved: number;
  progress: { pages_done: number; pages_total: number };
  summary: Record<string, number>;
}
interface CreditsJson {
  balance: number;
  ledger: { amount: number; reason: string; scan_id: string | null; period_key: string | null }[];
  next_cursor: string | null;
}

let site: FixtureServer;
let siteDir: string;
let server: TestServer<Seeded>;

beforeAll(async () => {
  siteDir = slowSite(60_000);
  site = await startFixtureServer({ root: siteDir });
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    privateTargets: [site.origin],
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const poor = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      const racer = await seedOrg(db, { scopes: "all" });
      await setMonthlyCredits(db, poor.orgId, 3);
      await setMonthlyCredits(db, racer.orgId, 5);
      return {
        a,
        readOnlyKey: await seedApiKey(db, a.orgId, "scans:read"),
        domainA: await seedDomain(db, a.orgId, site.origin),
        unverifiedA: await seedDomain(db, a.orgId, "https://unverified.example", { verified: false }),
        poor,
        domainPoor: await seedDomain(db, poor.orgId, site.origin),
        b,
        domainB: await seedDomain(db, b.orgId, site.origin),
        racer,
        domainRacer: await seedDomain(db, racer.orgId, site.origin),
      };
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await site?.close();
  if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
});

describe("POST /api/v1/scans", () => {
  it("refuses bad requests with the documented errors", async () => {
    const s = server.seeded;
    const anon = api(server.baseUrl, null);
    const a = api(server.baseUrl, s.a.apiKey);

    expect((await anon("POST", "/api/v1/scans", { domain_id: s.domainA })).status).toBe(401);

    const ro = await api(server.baseUrl, s.readOnlyKey)("POST", "/api/v1/scans", { domain_id: s.domainA });
    expect(ro.status).toBe(403);
    expect(ro.body.error?.code).toBe("forbidden");

    const bad = await a("POST", "/api/v1/scans", { domain_id: s.domainA, pillars: ["speed"], max_pages: 0 });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.code).toBe("invalid_params");
    expect(bad.body.error?.issues?.length).toBeGreaterThanOrEqual(2);

    const junk = await a("POST", "/api/v1/scans", "{not json");
    expect(junk.status).toBe(400);
    expect(junk.body.error?.code).toBe("invalid_json");

    const foreign = await a("POST", "/api/v1/scans", { domain_id: s.domainB });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error?.code).toBe("not_found");

    const unverified = await a("POST", "/api/v1/scans", { domain_id: s.unverifiedA });
    expect(unverified.status).toBe(409);
    expect(unverified.body.error?.code).toBe("domain_not_verified");

    const poor = await api(server.baseUrl, s.poor.apiKey)("POST", "/api/v1/scans", { domain_id: s.domainPoor });
    expect(poor.status).toBe(402);
    expect(poor.body.error).toMatchObject({ code: "insufficient_credits", cost: 7, balance: 3 });
    const poorCredits = await api(server.baseUrl, s.poor.apiKey)<CreditsJson>("GET", "/api/v1/credits");
    expect(poorCredits.body.data.balance).toBe(3);
  });

  it("accepts a scan of a verified domain: 202, credits reserved, readable only by its organization", async () => {
    const s = server.seeded;
    const a = api(server.baseUrl, s.a.apiKey);
    const res = await a<{ scan: ScanJson; credits_remaining: number }>("POST", "/api/v1/scans", {
      domain_id: s.domainA,
      pillars: ["security", "seo"],
      max_pages: 2,
    });
    expect(res.status).toBe(202);
    expect(res.body.data.scan).toMatchObject({ domain_id: s.domainA, pillars: ["security", "seo"], credits_reserved: 2 });
    expect(["queued", "running"]).toContain(res.body.data.scan.status);
    // First read of the balance in this month granted the 100 free credits.
    expect(res.body.data.credits_remaining).toBe(98);

    const got = await a<ScanJson & { findings: unknown[] }>("GET", `/api/v1/scans/${res.body.data.scan.id}`);
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ id: res.body.data.scan.id, findings: [], summary: { critical: 0, high: 0, medium: 0, low: 0, info: 0 } });
    expect(got.body.data.progress).toEqual({ pages_done: expect.any(Number), pages_total: expect.any(Number) });
    const other = await api(server.baseUrl, s.b.apiKey)("GET", `/api/v1/scans/${res.body.data.scan.id}`);
    expect(other.status).toBe(404);
  });

  it("replays an Idempotency-Key request without charging again", async () => {
    const s = server.seeded;
    const a = api(server.baseUrl, s.a.apiKey);
    const before = (await a<CreditsJson>("GET", "/api/v1/credits?limit=100")).body.data;
    const body = { domain_id: s.domainA, pillars: ["privacy"] };
    const first = await a<{ scan: ScanJson; credits_remaining: number }>("POST", "/api/v1/scans", body, { "Idempotency-Key": "scan-once-1" });
    const again = await a<{ scan: ScanJson; credits_remaining: number }>("POST", "/api/v1/scans", body, { "Idempotency-Key": "scan-once-1" });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.data).toEqual(first.body.data);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const after = (await a<CreditsJson>("GET", "/api/v1/credits?limit=100")).body.data;
    const reserves = (c: CreditsJson) => c.ledger.filter((e) => e.reason === "scan_reserve").length;
    expect(reserves(after)).toBe(reserves(before) + 1);
    expect(after.ledger.filter((e) => e.scan_id === first.body.data.scan.id)).toEqual([
      expect.objectContaining({ reason: "scan_reserve", amount: -1 }),
    ]);

    const reused = await a("POST", "/api/v1/scans", { ...body, pillars: ["seo"] }, { "Idempotency-Key": "scan-once-1" });
    expect(reused.status).toBe(409);
  });
});

describe("GET /api/v1/scans and cancel", () => {
  it("lists newest first with filters and cursor pagination", async () => {
    const s = server.seeded;
    const a = api(server.baseUrl, s.a.apiKey);
    const all = await a<ScanJson[]>("GET", `/api/v1/scans?domain_id=${s.domainA}`);
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBeGreaterThanOrEqual(2);
    const first = await a<ScanJson[]>("GET", `/api/v1/scans?domain_id=${s.domainA}&limit=1`);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.data[0].id).toBe(all.body.data[0].id);
    const second = await a<ScanJson[]>("GET", `/api/v1/scans?domain_id=${s.domainA}&limit=1&cursor=${first.body.meta.next_cursor}`);
    expect(second.body.data[0].id).toBe(all.body.data[1].id);
    expect((await a<ScanJson[]>("GET", "/api/v1/scans?status=succeeded")).body.data).toEqual([]);
    expect((await a("GET", "/api/v1/scans?status=nope")).status).toBe(422);
    expect((await a("GET", "/api/v1/scans?cursor=garbage")).status).toBe(422);
    expect((await api(server.baseUrl, s.b.apiKey)<ScanJson[]>("GET", "/api/v1/scans")).body.data).toEqual([]);
  });

  it("cancels a queued or running scan once, refunds it, and the job stays stopped", async () => {
    const s = server.seeded;
    const a = api(server.baseUrl, s.a.apiKey);
    const created = await a<{ scan: ScanJson; credits_remaining: number }>("POST", "/api/v1/scans", { domain_id: s.domainA });
    const id = created.body.data.scan.id;

    expect((await api(server.baseUrl, s.b.apiKey)("POST", `/api/v1/scans/${id}/cancel`)).status).toBe(404);
    expect((await api(server.baseUrl, s.readOnlyKey)("POST", `/api/v1/scans/${id}/cancel`)).status).toBe(403);

    const canceled = await a<ScanJson>("POST", `/api/v1/scans/${id}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.body.data.status).toBe("canceled");
    const twice = await a("POST", `/api/v1/scans/${id}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe("conflict");

    const credits = (await a<CreditsJson>("GET", "/api/v1/credits?limit=100")).body.data;
    expect(credits.ledger.filter((e) => e.scan_id === id).map((e) => [e.reason, e.amount]).sort()).toEqual([
      ["scan_refund", 7],
      ["scan_reserve", -7],
    ]);

    // The job notices (between steps, or through the cancel poll while it waits on the slow site).
    const sse = await readSse(`${server.baseUrl}/api/v1/scans/${id}/events`, s.a.apiKey);
    expect(sse.status).toBe(200);
    expect(sse.contentType).toContain("text/event-stream");
    expect(sse.events.at(-1)).toMatchObject({ event: "done", data: { id, status: "canceled" } });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await a<ScanJson>("GET", `/api/v1/scans/${id}`)).body.data.status).toBe("canceled");
  });
});

describe("GET /api/v1/credits", () => {
  it("shows the balance and the ledger with the monthly grant, paginated", async () => {
    const s = server.seeded;
    const a = api(server.baseUrl, s.a.apiKey);
    await cancelActiveScans(s.a.apiKey); // after this nothing moves the balance
    const all = (await a<CreditsJson>("GET", "/api/v1/credits?limit=100")).body.data;
    expect(all.balance).toBe(all.ledger.reduce((n, e) => n + e.amount, 0));
    const monthly = all.ledger.filter((e) => e.reason === "monthly_grant");
    expect(monthly).toHaveLength(1);
    expect(monthly[0]).toMatchObject({ amount: 100, period_key: expect.stringMatching(/^monthly:\d{4}-\d{2}$/) });
    const p1 = await a<CreditsJson>("GET", "/api/v1/credits?limit=2");
    expect(p1.body.data.ledger).toHaveLength(2);
    const p2 = await a<CreditsJson>("GET", `/api/v1/credits?limit=2&cursor=${p1.body.data.next_cursor}`);
    expect(p2.body.data.ledger[0]).toEqual(all.ledger[2]);
    expect((await api(server.baseUrl, null)("GET", "/api/v1/credits")).status).toBe(401);
  });
});

describe.skipIf(testEngine() !== "postgres")("parallel scan creation (PostgreSQL)", () => {
  it("accepts exactly 5 of 20 parallel POST /scans when the balance pays for 5", async () => {
    const s = server.seeded;
    const r = api(server.baseUrl, s.racer.apiKey);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => r("POST", "/api/v1/scans", { domain_id: s.domainRacer, pillars: ["seo"] })),
    );
    const statuses = results.map((x) => x.status);
    expect(statuses.filter((x) => x === 202)).toHaveLength(5);
    expect(statuses.filter((x) => x === 402)).toHaveLength(15);
    const credits = (await r<CreditsJson>("GET", "/api/v1/credits?limit=100")).body.data;
    expect(credits.balance).toBe(0);
    expect(credits.ledger.filter((e) => e.reason === "scan_reserve")).toHaveLength(5);
    const scans = await r<ScanJson[]>("GET", "/api/v1/scans?limit=100");
    expect(scans.body.data).toHaveLength(5);
  });
});

async function cancelActiveScans(key: string): Promise<void> {
  const a = api(server.baseUrl, key);
  const list = await a<ScanJson[]>("GET", "/api/v1/scans?limit=100");
  for (const sc of list.body.data ?? []) {
    if (sc.status === "queued" || sc.status === "running") await a("POST", `/api/v1/scans/${sc.id}/cancel`);
  }
}

// Leaves no scan of this file running against the slow site (hooks run last-registered first).
afterAll(async () => {
  if (!server) return;
  await cancelActiveScans(server.seeded.a.apiKey);
  await cancelActiveScans(server.seeded.racer.apiKey);
});
