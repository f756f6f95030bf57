import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, startServer, SERVER_START_TIMEOUT, type TestServer } from "@/test/support/server";
import { apiClient, expectError } from "./api-client";

interface Seed {
  unverified: string;
  noScan: string;
  scored: string;
  hostile: string;
}

describe("public endpoints: badge and audit leads", () => {
  let server: TestServer<Seed>;
  beforeAll(async () => {
    server = await startServer<Seed>({
      seed: async (db) => {
        const org = await seedOrg(db, { name: "Badges" });
        const mk = (host: string, data: Record<string, unknown>) =>
          db.domain.create({ data: { organizationId: org.orgId, host, verifyToken: "t".repeat(32), ...data } }).then((d) => d.id);
        return {
          unverified: await mk("unverified.example.com", {}),
          noScan: await mk("noscan.example.com", { verifiedAt: new Date(), verificationMethod: "meta" }),
          scored: await mk("scored.example.com", { verifiedAt: new Date(), verificationMethod: "dns", lastScore: 87, lastGrade: "B" }),
          hostile: await mk("hostile.example.com", { verifiedAt: new Date(), verificationMethod: "file", lastScore: 12, lastGrade: `<s>"&` }),
        };
      },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  async function badge(id: string) {
    const res = await fetch(`${server.baseUrl}/api/v1/badge?id=${encodeURIComponent(id)}`);
    return { res, text: await res.text() };
  }

  it("draws score and grade for a scanned domain, cacheable for 5 minutes, without auth", async () => {
    const { res, text } = await badge(server.seeded.scored);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain(">87 B<");
    expect(text).toContain("#97ca00");
  });

  it("is grey 'unverified' for an unverified domain and 'no scan' before the first scan", async () => {
    const u = await badge(server.seeded.unverified);
    expect(u.res.status).toBe(200);
    expect(u.text).toContain(">unverified<");
    expect(u.text).toContain("#9f9f9f");
    expect(u.text).not.toMatch(/\d+ [A-F]/);
    const n = await badge(server.seeded.noScan);
    expect(n.text).toContain(">no scan<");
    expect(n.text).toContain("#9f9f9f");
  });

  it("escapes text", async () => {
    const { text } = await badge(server.seeded.hostile);
    expect(text).toContain("12 &lt;s&gt;");
    expect(text).not.toContain("<s>");
  });

  it("answers the 404 envelope for unknown ids and 422 without an id", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/badge?id=nope`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body).toMatchObject({ data: null, error: { code: "not_found" } });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expectError(await apiClient(server.baseUrl)("GET", "/api/v1/badge"), 422, "invalid_params");
  });

  it("stores an audit lead", async () => {
    const call = apiClient(server.baseUrl, undefined, { "X-Forwarded-For": "198.51.100.7" });
    const r = await call("POST", "/api/v1/audit-leads", {
      json: { email: " Lead@Example.com ", hostname: "Shop.Example.com", score: 64, answers: { cookies: "yes", trackers: ["ga4", "meta"], ssl: true } },
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toEqual({ id: expect.any(String), created_at: expect.any(String) });
    expect(r.headers.get("x-ratelimit-limit")).toBe("10");
    expect(r.headers.get("x-ratelimit-remaining")).toBe("9");
  });

  it("validates audit leads: 400 for broken JSON, 422 for bad fields", async () => {
    const call = apiClient(server.baseUrl, undefined, { "X-Forwarded-For": "198.51.100.8" });
    expectError(await call("POST", "/api/v1/audit-leads", { raw: "{" }), 400, "invalid_json");
    for (const bad of [
      { email: "not-an-email", score: 50, answers: {} },
      { email: "a@example.com", score: 101, answers: {} },
      { email: "a@example.com", score: 5.5, answers: {} },
      { email: "a@example.com", score: 50 },
      { email: "a@example.com", score: 50, answers: {}, hostname: "not a host" },
    ]) {
      expectError(await call("POST", "/api/v1/audit-leads", { json: bad }), 422, "invalid_params");
    }
  });

  it("rate-limits audit leads per client address with 429, Retry-After and X-RateLimit-*", async () => {
    const call = apiClient(server.baseUrl, undefined, { "X-Forwarded-For": "203.0.113.9" });
    const lead = { email: "spam@example.com", score: 10, answers: {} };
    for (let i = 0; i < 10; i++) expect((await call("POST", "/api/v1/audit-leads", { json: lead })).status).toBe(201);
    const limited = await call("POST", "/api/v1/audit-leads", { json: lead });
    const e = expectError(limited, 429, "rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(e.retry_after).toBe(retryAfter);
    expect(limited.headers.get("x-ratelimit-limit")).toBe("10");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    // Another address is unaffected.
    const other = apiClient(server.baseUrl, undefined, { "X-Forwarded-For": "203.0.113.10" });
    expect((await other("POST", "/api/v1/audit-leads", { json: lead })).status).toBe(201);
  });
});
