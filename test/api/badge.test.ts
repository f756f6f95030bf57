import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db";
import { PILLARS, type Pillar } from "@/lib/scanner/types";
import { seedOrg, startServer, SERVER_START_TIMEOUT, type SeededOrg, type TestServer } from "@/test/support/server";
import { apiClient, expectError } from "./api-client";

// The badge, the composed result in the API and the public directory page, over real HTTP.

interface Seed {
  org: SeededOrg;
  unverified: string;
  noScan: string;
  composed: string;
  capped: string;
  listed: string;
  hostile: string;
  portHost: string;
  partialFull: string;
  partialTwo: string;
}

let t = Date.parse("2026-04-01T00:00:00Z");
async function scan(db: Prisma, orgId: string, domainId: string, pillars: readonly Pillar[], score: number, extra: Record<string, unknown> = {}) {
  const at = new Date((t += 60_000));
  return (
    await db.scan.create({
      data: {
        organizationId: orgId,
        domainId,
        status: "succeeded",
        pillars: [...pillars],
        maxPages: 10,
        scores: Object.fromEntries(pillars.map((p) => [p, score])),
        score: 100,
        grade: "A+",
        securityGrade: pillars.includes("security") ? "B+" : null,
        ...(pillars.includes("security")
          ? {
              securityTests: {
                tests: [
                  { rule: "hsts-missing", title: "Strict-Transport-Security header", outcome: "fail", severity: "medium", modifier: -15 },
                  { rule: "csp-missing", title: "Content-Security-Policy header", outcome: "pass", severity: null, modifier: 0 },
                ],
                bonus: 0,
                score: 85,
                grade: "A-",
              },
            }
          : {}),
        createdAt: at,
        startedAt: at,
        finishedAt: at,
        ...extra,
      },
    })
  ).id;
}

describe("badge, composed result and directory page over HTTP", () => {
  let server: TestServer<Seed>;
  beforeAll(async () => {
    server = await startServer<Seed>({
      seed: async (db) => {
        const org = await seedOrg(db, { name: "Badges" });
        const mk = (host: string, data: Record<string, unknown> = {}) =>
          db.domain.create({ data: { organizationId: org.orgId, host, verifyToken: "t".repeat(32), verifiedAt: new Date(), verificationMethod: "meta", ...data } }).then((d) => d.id);
        const unverified = await mk("unverified.example.com", { verifiedAt: null, verificationMethod: null });
        const noScan = await mk("noscan.example.com");
        // 7 pillars at 87, then trackers + privacy at 100: (5 × 87 + 200) / 7 = 90.7 -> 91 A, not the last scan's 100.
        const composed = await mk("composed.example.com", { lastScore: 100, lastGrade: "A+" });
        const partialFull = await scan(db, org.orgId, composed, PILLARS, 87);
        const partialTwo = await scan(db, org.orgId, composed, ["trackers", "privacy"], 100);
        // A scan of fewer pages than the domain's page count does not count.
        await scan(db, org.orgId, composed, PILLARS, 10, { maxPages: 3 });
        const capped = await mk("capped.example.com");
        await scan(db, org.orgId, capped, PILLARS, 100);
        for (const [i, status] of (["open", "false_positive", "resolved"] as const).entries()) {
          await db.finding.create({
            data: {
              organizationId: org.orgId, domainId: capped, fingerprint: `fp-${i}`, pillar: "security", rule: `r-${i}`, severity: "high", status,
              title: `Secret <b>${i}</b>`, description: "d", evidence: `EVIDENCE-${i}`, fix: "f", url: "https://capped.example.com/", urls: [],
            },
          });
        }
        const listed = await mk("listed.example.com", { directoryEnabled: true, directoryShowFindings: true, organizationName: "Listed <Org>" });
        await scan(db, org.orgId, listed, PILLARS, 95);
        await scan(db, org.orgId, listed, PILLARS, 75);
        await db.finding.create({
          data: {
            organizationId: org.orgId, domainId: listed, fingerprint: "fp-l", pillar: "seo", rule: "title-missing", severity: "medium", status: "open",
            title: "Title <missing>", description: "d", evidence: "SECRET-EVIDENCE", fix: "f", url: "https://listed.example.com/private-page", urls: [],
          },
        });
        const hostile = await mk(`evil"<x>.example.com`, { directoryEnabled: true });
        const portHost = await mk("localhost:8080", { directoryEnabled: true, scheme: "http" });
        await scan(db, org.orgId, portHost, ["seo"], 64);
        await mk("hidden.example.com", { directoryEnabled: false });
        return { org, unverified, noScan, composed, capped, listed, hostile, portHost, partialFull, partialTwo };
      },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  async function badge(query: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.baseUrl}/api/v1/badge?${query}`, { headers });
    return { res, text: await res.text() };
  }
  const id = (k: keyof Omit<Seed, "org">) => `id=${encodeURIComponent(server.seeded[k])}`;

  it("draws the composed result, not the last scan's, with CDN-friendly caching and an ETag", async () => {
    const { res, text } = await badge(id("composed"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=600");
    expect(res.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain(">91 A<");
    expect(text).not.toContain(">100");
    // Not listed: no link.
    expect(text).not.toContain("<a ");
  });

  it("caps by an open high finding, not by false positives or resolved ones", async () => {
    const { text } = await badge(id("capped"));
    expect(text).toContain(">100 C<");
  });

  it("is grey for unverified and never-scanned domains", async () => {
    expect((await badge(id("unverified"))).text).toContain(">unverified<");
    const n = await badge(id("noScan"));
    expect(n.text).toContain(">no scan<");
    expect(n.text).toContain("#9f9f9f");
  });

  it("answers an unknown id with a 404 SVG 'plumb | unknown', and 422 without an id", async () => {
    const { res, text } = await badge("id=nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(text).toMatch(/^<svg /);
    expect(text).toContain(">plumb<");
    expect(text).toContain(">unknown<");
    expect(text).toContain('aria-label="plumb: unknown"');
    expectError(await apiClient(server.baseUrl)("GET", "/api/v1/badge"), 422, "invalid_params");
  });

  it("draws three styles and rejects others", async () => {
    const flat = (await badge(`${id("composed")}&style=flat`)).text;
    expect(flat).toContain("linearGradient");
    expect(flat).toContain('height="20"');
    const square = (await badge(`${id("composed")}&style=flat-square`)).text;
    expect(square).not.toContain("linearGradient");
    expect(square).not.toContain('rx="3"');
    expect(square).toContain(">91 A<");
    const big = (await badge(`${id("composed")}&style=for-the-badge`)).text;
    expect(big).toContain('height="28"');
    expect(big).toContain(">PLUMB<");
    expect(big).toContain(">91 A<");
    expectError(await apiClient(server.baseUrl)("GET", `/api/v1/badge?${id("composed")}&style=plastic`), 422, "invalid_params");
  });

  it("draws one pillar with ?pillar=, 'not scanned' for a pillar no scan covered", async () => {
    const trackers = (await badge(`${id("composed")}&pillar=trackers`)).text;
    expect(trackers).toContain(">plumb trackers<");
    expect(trackers).toContain(">100<");
    const security = (await badge(`${id("composed")}&pillar=security`)).text;
    expect(security).toContain(">87 B+<");
    const never = (await badge(`${id("portHost")}&pillar=security`)).text;
    expect(never).toContain(">not scanned<");
    expectError(await apiClient(server.baseUrl)("GET", `/api/v1/badge?${id("composed")}&pillar=speed`), 422, "invalid_params");
  });

  it("answers 304 to If-None-Match with the current ETag, and each variant has its own", async () => {
    const first = await badge(id("composed"));
    const etag = first.res.headers.get("etag")!;
    const again = await badge(id("composed"), { "If-None-Match": etag });
    expect(again.res.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.res.headers.get("etag")).toBe(etag);
    expect(again.res.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=600");
    expect((await badge(id("composed"), { "If-None-Match": `W/${etag}, "other"` })).res.status).toBe(304);
    expect((await badge(id("composed"), { "If-None-Match": '"stale"' })).res.status).toBe(200);
    const square = await badge(`${id("composed")}&style=flat-square`);
    expect(square.res.headers.get("etag")).not.toBe(etag);
    const unknown = await badge("id=nope");
    expect((await badge("id=nope", { "If-None-Match": unknown.res.headers.get("etag")! })).res.status).toBe(304);
  });

  it("is never rate limited: 650 requests from one address all succeed", async () => {
    const headers = { "X-Forwarded-For": "198.51.100.77" };
    const statuses: number[] = [];
    for (let batch = 0; batch < 65; batch++) {
      const rs = await Promise.all(
        Array.from({ length: 10 }, () => fetch(`${server.baseUrl}/api/v1/badge?${id("composed")}`, { headers }).then(async (r) => (await r.arrayBuffer(), r.status))),
      );
      statuses.push(...rs);
    }
    expect(statuses).toHaveLength(650);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // A generous harness limit: 650 real requests on a loaded 2-core CI machine can take over a minute.
  }, 300_000);

  it("links a listed domain's badge to its directory page, escaped", async () => {
    const { text } = await badge(id("listed"));
    expect(text).toMatch(/<a href="https?:\/\/[^"]+\/directory\/listed\.example\.com" xlink:href="[^"]+" target="_blank">/);
    const port = (await badge(id("portHost"))).text;
    expect(port).toContain("/directory/localhost%3A8080");
    const hostile = (await badge(id("hostile"))).text;
    expect(hostile).not.toContain("<x>");
    expect(hostile).toContain("/directory/evil%22%3Cx%3E.example.com");
  });

  it("GET /api/v1/domains/:id returns the composition", async () => {
    const call = apiClient(server.baseUrl, server.seeded.org.apiKey);
    const r = await call("GET", `/api/v1/domains/${server.seeded.composed}`);
    expect(r.status).toBe(200);
    const d = r.body.data;
    expect(d.last_score).toBe(91);
    expect(d.last_grade).toBe("A");
    expect(d.page_count).toBe(10);
    expect(d.directory_show_findings).toBe(false);
    expect(d.result).toMatchObject({ score: 91, grade: "A", score_grade: "A", cap: null, page_count: 10, security_grade: "B+", last_scan_id: server.seeded.partialTwo });
    expect(d.result.pillars.trackers).toEqual({ state: "scored", score: 100, scan_id: server.seeded.partialTwo, scanned_at: expect.any(String) });
    expect(d.result.pillars.seo).toMatchObject({ state: "scored", score: 87, scan_id: server.seeded.partialFull });
    expect(d.result.security_tests.tests[0]).toEqual({ rule: "hsts-missing", title: "Strict-Transport-Security header", outcome: "fail", severity: "medium", modifier: -15 });

    const capped = (await call("GET", `/api/v1/domains/${server.seeded.capped}`)).body.data.result;
    expect(capped).toMatchObject({ score: 100, score_grade: "A+", grade: "C", cap: { severity: "high", grade: "C", findings: 1, applied: true } });
    expect(capped.capping_findings).toEqual({ critical: 0, high: 1, medium: 0, low: 0, info: 0 });
    const never = (await call("GET", `/api/v1/domains/${server.seeded.noScan}`)).body.data.result;
    expect(never.score).toBeNull();
    expect(never.pillars.security).toEqual({ state: "never_scanned", score: null, scan_id: null, scanned_at: null });

    // The page count is a domain setting; raising it above the scans' budget leaves nothing counting.
    const patched = await call("PATCH", `/api/v1/domains/${server.seeded.composed}`, { json: { page_count: 20, directory_show_findings: true } });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ page_count: 20, directory_show_findings: true });
    expect((await call("GET", `/api/v1/domains/${server.seeded.composed}`)).body.data.result.score).toBeNull();
    expect((await badge(id("composed"))).text).toContain(">no scan<");
    expectError(await call("PATCH", `/api/v1/domains/${server.seeded.composed}`, { json: { page_count: 0 } }), 422, "invalid_params");
    await call("PATCH", `/api/v1/domains/${server.seeded.composed}`, { json: { page_count: 10 } });
    expect((await badge(id("composed"))).text).toContain(">91 A<");
  });

  it("documents the SVG 404 and the result shape in the OpenAPI document", async () => {
    const doc = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
    const op = doc.paths["/api/v1/badge"].get;
    expect(Object.keys(op.responses["404"].content)).toEqual(["image/svg+xml"]);
    expect(op.responses["304"]).toBeDefined();
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["id", "pillar", "style"]);
    expect(doc.components.schemas.DomainResult.properties.pillars).toBeDefined();
  });

  it("serves a public page per listed domain, 404 otherwise, escaping everything and never showing evidence", async () => {
    const page = await fetch(`${server.baseUrl}/directory/listed.example.com`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("listed.example.com");
    expect(html).toContain("Listed &lt;Org&gt;");
    expect(html).toContain("Title &lt;missing&gt;");
    expect(html).not.toContain("SECRET-EVIDENCE");
    expect(html).not.toContain("private-page");
    const port = await fetch(`${server.baseUrl}/directory/localhost%3A8080`);
    expect(port.status).toBe(200);
    expect(await port.text()).toContain("localhost:8080");
    for (const path of ["/directory/hidden.example.com", "/directory/unverified.example.com", "/directory/nowhere.example", "/directory/capped.example.com"]) {
      expect((await fetch(`${server.baseUrl}${path}`)).status, path).toBe(404);
    }
    const list = await (await fetch(`${server.baseUrl}/directory?q=LISTED&sort=name`)).text();
    expect(list).toContain('href="/directory/listed.example.com"');
    expect(list).not.toContain("localhost:8080");
  });
});
