// The per-key limit over real HTTP, on a server started with a small limit: the request past it gets 429
// rate_limited with Retry-After and X-RateLimit-*, another key is unaffected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer, SERVER_START_TIMEOUT } from "@/test/support/server";
import { apiClient, expectError } from "./api-client";

const LIMIT = 5;

describe("per-key rate limit", () => {
  let server: TestServer<{ a: SeededOrg; other: string }>;
  beforeAll(async () => {
    server = await startServer({
      env: { PLUMB_API_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
      seed: async (db) => {
        const a = await seedOrg(db, { scopes: "all" });
        return { a, other: await seedApiKey(db, a.orgId, "domains:read") };
      },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  it("answers 429 past the limit, with Retry-After and X-RateLimit-* headers", async () => {
    const a = apiClient(server.baseUrl, server.seeded.a.apiKey);
    // Limits are per minute window: start in a fresh one so all requests fall in the same window.
    const secondsLeft = 60 - (Math.floor(Date.now() / 1000) % 60);
    if (secondsLeft < 20) await new Promise((r) => setTimeout(r, secondsLeft * 1000 + 500));

    const remaining: string[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const r = await a("GET", "/api/v1/domains");
      expect(r.status, r.text).toBe(200);
      expect(r.headers.get("x-ratelimit-limit")).toBe(String(LIMIT));
      remaining.push(r.headers.get("x-ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);

    const over = await a("GET", "/api/v1/domains");
    const err = expectError(over, 429, "rate_limited");
    expect(err.message).toBeTruthy();
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(over.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    // Still refused on the next tries (from memory), and another key has its own budget.
    expectError(await a("GET", "/api/v1/domains"), 429, "rate_limited");
    expect((await apiClient(server.baseUrl, server.seeded.other)("GET", "/api/v1/domains")).status).toBe(200);
  });
});
