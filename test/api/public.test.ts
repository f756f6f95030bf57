import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, SERVER_START_TIMEOUT, type TestServer } from "@/test/support/server";
import { apiClient, expectError } from "./api-client";

describe("public endpoints: audit leads (the badge: test/api/badge.test.ts)", () => {
  let server: TestServer<Record<string, never>>;
  beforeAll(async () => {
    // One trusted proxy hop: the tests play a load balancer that names each client in X-Forwarded-For (with no
    // trusted hop the socket address is the client, and every request here comes from 127.0.0.1).
    server = await startServer<Record<string, never>>({ seed: async () => ({}), env: { PLUMB_TRUSTED_PROXY_HOPS: "1" } });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

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
