// One complete story over real HTTP, through the embedded job engine and a real browser: scan a fixture
// site served on loopback, follow it over SSE, page and filter its findings, triage them, download the fix
// file, then fix a defect on the site (the finding resolves) and break it again (it comes back as a
// regression).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { api, copyFixtureSite, readSse, seedDomain, until } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  domainId: string;
}
interface ScanJson {
  id: string;
  status: string;
  error: string | null;
  progress: { pages_done: number; pages_total: number };
  scores: Record<string, number> | null;
  score: number | null;
  grade: string | null;
  summary: Record<string, number>;
  credits_reserved: number;
  credits_charged: number;
  findings: FindingJson[];
}
interface FindingJson {
  id: string;
  domain_id: string;
  pillar: string;
  rule: string;
  severity: string;
  title: string;
  url: string;
  urls: string[];
  fingerprint: string;
  status: string;
  resolved_at: string | null;
  regression: boolean;
  regression_count: number;
  assignee_id: string | null;
  [k: string]: unknown;
}

const LOAF_ALT = ' alt="A round sourdough loaf with a dark crust"';

let siteDir: string;
let site: FixtureServer;
let server: TestServer<Seeded>;
let indexHtml: string;
let original: string;

function setLoafAlt(present: boolean): void {
  fs.writeFileSync(indexHtml, present ? original : original.replace(LOAF_ALT, ""));
}

beforeAll(async () => {
  siteDir = copyFixtureSite("clean");
  indexHtml = path.join(siteDir, "index.html");
  original = fs.readFileSync(indexHtml, "utf8");
  expect(original).toContain(LOAF_ALT);
  setLoafAlt(false);
  site = await startFixtureServer({ root: siteDir });
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    privateTargets: [site.origin],
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      return { a, b, domainId: await seedDomain(db, a.orgId, site.origin) };
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await site?.close();
  if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
});

async function runScan(): Promise<ScanJson> {
  const a = api(server.baseUrl, server.seeded.a.apiKey);
  const created = await a<{ scan: ScanJson }>("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, max_pages: 4 });
  expect(created.status).toBe(202);
  const id = created.body.data.scan.id;
  return until(`scan ${id}`, async () => {
    const got = await a<ScanJson>("GET", `/api/v1/scans/${id}`);
    return ["succeeded", "failed", "canceled"].includes(got.body.data.status) ? got.body.data : null;
  }, 170_000, 500);
}

function missingAlt(findings: FindingJson[]): FindingJson | undefined {
  return findings.find((f) => f.rule === "axe-image-alt" && f.urls.some((u) => new URL(u).pathname === "/"));
}

describe("a complete scan of a fixture site", { timeout: 240_000 }, () => {
  let scan: ScanJson;
  let alt: FindingJson;

  it("runs through the job engine, streams progress and findings, and settles", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const created = await a<{ scan: ScanJson; credits_remaining: number }>("POST", "/api/v1/scans", {
      domain_id: server.seeded.domainId,
      max_pages: 4,
    });
    expect(created.status).toBe(202);
    const id = created.body.data.scan.id;
    const sse = await readSse(`${server.baseUrl}/api/v1/scans/${id}/events`, server.seeded.a.apiKey);
    expect(sse.status).toBe(200);
    const done = sse.events.at(-1);
    expect(done?.event).toBe("done");

    scan = (await a<ScanJson>("GET", `/api/v1/scans/${id}`)).body.data;
    expect(scan.error).toBeNull();
    expect(scan.status).toBe("succeeded");
    expect(done?.data).toMatchObject({ id, status: "succeeded" });
    expect(scan.progress.pages_total).toBeGreaterThan(0);
    expect(scan.progress.pages_done).toBe(scan.progress.pages_total);
    // Pillars whose checks all were not applicable (no cookies on this site) have no score.
    const PILLARS = ["accessibility", "security", "cookies", "trackers", "privacy", "performance", "seo"];
    expect(Object.keys(scan.scores ?? {}).length).toBeGreaterThanOrEqual(4);
    for (const [pillar, value] of Object.entries(scan.scores ?? {})) {
      expect(PILLARS).toContain(pillar);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
    expect(scan.grade).toMatch(/^[A-F][+-]?$/);
    expect(scan.credits_charged).toBe(7);
    expect(Object.values(scan.summary).reduce((n, c) => n + c, 0)).toBe(scan.findings.length);
    expect(sse.events.some((e) => e.event === "progress")).toBe(true);
    expect(sse.events.filter((e) => e.event === "finding")).toHaveLength(scan.findings.length);

    alt = missingAlt(scan.findings)!;
    expect(alt, `findings: ${scan.findings.map((f) => f.rule).join(", ")}`).toBeDefined();
    expect(alt).toMatchObject({ pillar: "accessibility", status: "open", regression: false, domain_id: server.seeded.domainId });
    for (const k of ["id", "pillar", "rule", "severity", "title", "description", "url", "urls", "evidence", "selector", "fix", "fingerprint", "status", "first_seen_at", "last_seen_at"]) {
      expect(alt).toHaveProperty(k);
    }
  });

  it("lists findings with cursor pagination and filters, scoped to the organization", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const all = await a<FindingJson[]>("GET", `/api/v1/findings?domain_id=${server.seeded.domainId}&limit=100`);
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBe(scan.findings.length);
    expect(all.body.meta.next_cursor).toBeNull();

    const walked: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await a<FindingJson[]>("GET", `/api/v1/findings?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      walked.push(...page.body.data.map((f) => f.id));
      cursor = page.body.meta.next_cursor;
    } while (cursor);
    expect(walked).toEqual(all.body.data.map((f) => f.id));

    const ids = async (q: string) => (await a<FindingJson[]>("GET", `/api/v1/findings?limit=100&${q}`)).body.data.map((f) => f.id);
    expect(await ids("pillar=accessibility")).toContain(alt.id);
    expect(await ids("pillar=seo")).not.toContain(alt.id);
    expect(await ids(`severity=${alt.severity}`)).toContain(alt.id);
    expect(await ids("q=IMAGE-ALT")).toEqual([alt.id]);
    expect(await ids(`scan_id=${scan.id}`)).toHaveLength(scan.findings.length);
    expect(await ids("status=resolved")).toEqual([]);
    expect((await a("GET", "/api/v1/findings?severity=urgent")).status).toBe(422);

    const b = api(server.baseUrl, server.seeded.b.apiKey);
    expect((await b<FindingJson[]>("GET", "/api/v1/findings")).body.data).toEqual([]);
    expect((await b("GET", `/api/v1/findings/${alt.id}`)).status).toBe(404);
    expect((await a<FindingJson>("GET", `/api/v1/findings/${alt.id}`)).body.data.fingerprint).toBe(alt.fingerprint);
  });

  it("triages one finding with PATCH and several with bulk", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const patched = await a<FindingJson>("PATCH", `/api/v1/findings/${alt.id}`, {
      status: "in_progress",
      severity: "low",
      assignee_id: server.seeded.a.userId,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ status: "in_progress", severity: "low", severity_overridden: true, assignee_id: server.seeded.a.userId });

    expect((await a("PATCH", `/api/v1/findings/${alt.id}`, { assignee_id: server.seeded.b.userId })).status).toBe(422);
    expect((await a("PATCH", `/api/v1/findings/${alt.id}`, { status: "done" })).status).toBe(422);
    expect((await a("PATCH", `/api/v1/findings/${alt.id}`, {})).status).toBe(422);
    expect((await api(server.baseUrl, server.seeded.b.apiKey)("PATCH", `/api/v1/findings/${alt.id}`, { status: "resolved" })).status).toBe(404);

    const others = scan.findings.filter((f) => f.id !== alt.id).slice(0, 2).map((f) => f.id);
    expect(others.length).toBeGreaterThan(0);
    const bulk = await a<{ updated: number }>("POST", "/api/v1/findings/bulk", { ids: others, status: "accepted_risk", justification: "Tolerated on the demo site" });
    expect(bulk.status).toBe(200);
    expect(bulk.body.data).toEqual({ updated: others.length });
    for (const id of others) expect((await a<FindingJson>("GET", `/api/v1/findings/${id}`)).body.data.status).toBe("accepted_risk");

    expect((await a("POST", "/api/v1/findings/bulk", { ids: [...others, "nope-not-ours"], status: "open" })).status).toBe(404);
    expect((await a("POST", "/api/v1/findings/bulk", { ids: Array.from({ length: 501 }, (_, i) => `id${i}`), status: "open" })).status).toBe(422);
    expect((await a("POST", "/api/v1/findings/bulk", { ids: others })).status).toBe(422);
  });

  it("serves SECURITY-FIX.md for the scan", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/scans/${scan.id}/fix`, { headers: { Authorization: `Bearer ${server.seeded.a.apiKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/markdown");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="SECURITY-FIX-[^"]+\.md"$/);
    const md = await res.text();
    expect(md.startsWith("---\nformat: security-fix/v1\n")).toBe(true);
    expect(md).toContain(`target: "${site.origin}"`);
    expect(md).toContain("## 1. ");
    expect(md).toContain("axe-image-alt");
    const other = await fetch(`${server.baseUrl}/api/v1/scans/${scan.id}/fix`, { headers: { Authorization: `Bearer ${server.seeded.b.apiKey}` } });
    expect(other.status).toBe(404);
  });

  it("resolves the finding once the site is fixed, and flags it as a regression when it comes back", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    setLoafAlt(true);
    const fixed = await runScan();
    expect(fixed.status).toBe("succeeded");
    expect(missingAlt(fixed.findings)).toBeUndefined();
    const resolved = (await a<FindingJson>("GET", `/api/v1/findings/${alt.id}`)).body.data;
    expect(resolved).toMatchObject({ status: "resolved", regression: false });
    expect(resolved.resolved_at).not.toBeNull();
    for (const f of scan.findings.filter((x) => x.id !== alt.id).slice(0, 2)) {
      expect((await a<FindingJson>("GET", `/api/v1/findings/${f.id}`)).body.data.status).toBe("accepted_risk");
    }

    setLoafAlt(false);
    const broken = await runScan();
    expect(broken.status).toBe("succeeded");
    const back = (await a<FindingJson>("GET", `/api/v1/findings/${alt.id}`)).body.data;
    expect(back).toMatchObject({ status: "open", regression: true, regression_count: 1, resolved_at: null, severity: "low" });
    expect(missingAlt(broken.findings)?.id).toBe(alt.id);
    const regressions = await a<FindingJson[]>("GET", "/api/v1/regressions");
    expect(regressions.status).toBe(200);
    expect(regressions.body.data.map((f) => f.id)).toEqual([alt.id]);
    expect((await api(server.baseUrl, server.seeded.b.apiKey)<FindingJson[]>("GET", "/api/v1/regressions")).body.data).toEqual([]);
  });
});
