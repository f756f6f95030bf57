// GET /api/v1/scans/{id}/third-parties over real HTTP: the inventory recorded with a scan's results (through the
// same service the scan job uses), sorted and filtered, org-scoped, scope-checked, with the documented errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db";
import type { ScanResult, ThirdPartyHost } from "@/lib/scanner/types";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { SERVER_START_TIMEOUT, seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { api, seedDomain, setMonthlyCredits } from "./scans-support";

const ORIGIN = "https://shop.example";

function host(name: string, over: Partial<ThirdPartyHost> = {}): ThirdPartyHost {
  return {
    host: name,
    site: name.split(".").slice(-2).join("."),
    tracker: null,
    requests: 1,
    bytes: 100,
    bytes_sent: 0,
    resource_types: { script: 1 },
    cookies: [],
    first_seen_on: `${ORIGIN}/`,
    pages: 1,
    beacons: [],
    receives: [],
    probable_tracker: false,
    ...over,
  };
}

const HOSTS: ThirdPartyHost[] = [
  host("www.google-analytics.com", {
    tracker: { id: "google-analytics", name: "Google Analytics", company: "Google", category: "analytics" },
    requests: 6,
    bytes: 52_000,
    pages: 2,
    cookies: ["_ga"],
    resource_types: { script: 2, fetch: 4 },
  }),
  host("collect.unknown-metrics.io", {
    requests: 4,
    bytes: 300,
    bytes_sent: 900,
    pages: 2,
    resource_types: { other: 2, image: 2 },
    beacons: [
      {
        endpoint: "https://collect.unknown-metrics.io/e",
        method: "POST",
        count: 2,
        params: [
          { in: "query", name: "vid", kinds: ["identifier"] },
          { in: "query", name: "url", kinds: ["page_url"] },
          { in: "body", name: "user.email", kinds: ["email"] },
        ],
      },
    ],
    receives: ["identifier", "page_url", "email"],
    probable_tracker: true,
  }),
  host("fonts.gstatic.com", { requests: 3, bytes: 90_000, resource_types: { font: 3 } }),
];

function result(hosts: ThirdPartyHost[]): ScanResult {
  const now = new Date().toISOString();
  return {
    target: ORIGIN,
    started_at: now,
    finished_at: now,
    pages: [{ url: `${ORIGIN}/`, status: 200 }, { url: `${ORIGIN}/about`, status: 200 }],
    scores: { trackers: 60 },
    score: 60,
    grade: "D",
    findings: [],
    checks: [],
    timings: {},
    third_parties: hosts,
  };
}

async function finishedScan(db: Prisma, org: SeededOrg, domainId: string, res: ScanResult): Promise<string> {
  const actor = { orgId: org.orgId, userId: org.userId, apiKeyId: null, requestId: null };
  const { scan } = await db.$transaction((tx) => createScanInTx(tx, actor, { domainId, pillars: ["trackers"] }));
  await markScanRunning({ scanId: scan.id }, db);
  // Recorded twice, as a retried job step would: the inventory converges instead of doubling.
  await recordScanResults({ scanId: scan.id, result: res }, db);
  const recorded = await recordScanResults({ scanId: scan.id, result: res }, db);
  await settleScan({ scanId: scan.id, erroredRules: recorded.erroredRules }, db);
  return scan.id;
}

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  noScopeKey: string;
  scan: string;
  emptyScan: string;
  bScan: string;
}

interface HostJson {
  host: string;
  tracker: { id: string; name: string } | null;
  requests: number;
  bytes: number;
  bytes_sent: number;
  pages: number;
  cookies: string[];
  resource_types: Record<string, number>;
  first_seen_on: string;
  receives: string[];
  beacons: { endpoint: string; params: { in: string; name: string; kinds: string[] }[] }[];
  probable_tracker: boolean;
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
      const scan = await finishedScan(db, a, domain, result(HOSTS));
      const emptyScan = await finishedScan(db, a, domain, result([]));
      const bDomain = await seedDomain(db, b.orgId, ORIGIN);
      const bScan = await finishedScan(db, b, bDomain, result([host("b-only.example")]));
      return { a, b, noScopeKey: await seedApiKey(db, a.orgId, "domains:read"), scan, emptyScan, bScan };
    },
  });
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await server?.stop();
});

describe("GET /api/v1/scans/{id}/third-parties", () => {
  it("lists every host, most requests first, with what its beacons received", async () => {
    const s = server.seeded;
    const res = await api(server.baseUrl, s.a.apiKey)<{ scan_id: string; third_parties: HostJson[] }>("GET", `/api/v1/scans/${s.scan}/third-parties`);
    expect(res.status).toBe(200);
    expect(res.body.data.scan_id).toBe(s.scan);
    const rows = res.body.data.third_parties;
    expect(rows.map((r) => r.host)).toEqual(["www.google-analytics.com", "collect.unknown-metrics.io", "fonts.gstatic.com"]);
    expect(rows[0]).toMatchObject({ tracker: { id: "google-analytics", name: "Google Analytics" }, cookies: ["_ga"], resource_types: { script: 2, fetch: 4 }, pages: 2 });
    expect(rows[1]).toMatchObject({
      tracker: null,
      probable_tracker: true,
      bytes_sent: 900,
      receives: ["identifier", "page_url", "email"],
      first_seen_on: `${ORIGIN}/`,
    });
    expect(rows[1].beacons[0].params).toEqual([
      { in: "query", name: "vid", kinds: ["identifier"] },
      { in: "query", name: "url", kinds: ["page_url"] },
      { in: "body", name: "user.email", kinds: ["email"] },
    ]);
  });

  it("sorts by any column and filters probable trackers", async () => {
    const s = server.seeded;
    const call = api(server.baseUrl, s.a.apiKey);
    const byBytes = await call<{ third_parties: HostJson[] }>("GET", `/api/v1/scans/${s.scan}/third-parties?sort=bytes`);
    expect(byBytes.body.data.third_parties.map((r) => r.host)).toEqual(["fonts.gstatic.com", "www.google-analytics.com", "collect.unknown-metrics.io"]);
    const byHost = await call<{ third_parties: HostJson[] }>("GET", `/api/v1/scans/${s.scan}/third-parties?sort=host`);
    expect(byHost.body.data.third_parties.map((r) => r.host)).toEqual(["collect.unknown-metrics.io", "fonts.gstatic.com", "www.google-analytics.com"]);
    const asc = await call<{ third_parties: HostJson[] }>("GET", `/api/v1/scans/${s.scan}/third-parties?sort=requests&order=asc`);
    expect(asc.body.data.third_parties.map((r) => r.requests)).toEqual([3, 4, 6]);
    const probable = await call<{ third_parties: HostJson[] }>("GET", `/api/v1/scans/${s.scan}/third-parties?probable_only=true`);
    expect(probable.body.data.third_parties.map((r) => r.host)).toEqual(["collect.unknown-metrics.io"]);
    const empty = await call<{ third_parties: HostJson[] }>("GET", `/api/v1/scans/${s.emptyScan}/third-parties`);
    expect(empty.status).toBe(200);
    expect(empty.body.data.third_parties).toEqual([]);
  });

  it("answers another organization's scan, an unknown scan, a missing scope and bad input with the envelope", async () => {
    const s = server.seeded;
    const call = api(server.baseUrl, s.a.apiKey);
    const other = await call("GET", `/api/v1/scans/${s.bScan}/third-parties`);
    expect(other.status).toBe(404);
    expect(other.body.error?.code).toBe("not_found");
    const fromB = await api(server.baseUrl, s.b.apiKey)("GET", `/api/v1/scans/${s.scan}/third-parties`);
    expect(fromB.status).toBe(404);
    expect((await call("GET", "/api/v1/scans/nope/third-parties")).status).toBe(404);
    const noScope = await api(server.baseUrl, s.noScopeKey)("GET", `/api/v1/scans/${s.scan}/third-parties`);
    expect(noScope.status).toBe(403);
    const badSort = await call("GET", `/api/v1/scans/${s.scan}/third-parties?sort=weight`);
    expect(badSort.status).toBe(422);
    expect(badSort.body.error?.code).toBe("invalid_params");
    expect((await api(server.baseUrl, null)("GET", `/api/v1/scans/${s.scan}/third-parties`)).status).toBe(401);
  });
});
