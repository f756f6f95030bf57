import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer, SERVER_START_TIMEOUT } from "@/test/support/server";
import { apiClient, expectError } from "./api-client";

interface Seed {
  a: SeededOrg;
  b: SeededOrg;
  keysOnly: string;
  domainsRead: string;
  expired: string;
}

describe("/api/v1/api-keys", () => {
  let server: TestServer<Seed>;
  beforeAll(async () => {
    server = await startServer<Seed>({
      seed: async (db) => {
        const a = await seedOrg(db, { name: "Keys A", scopes: "all" });
        const b = await seedOrg(db, { name: "Keys B", scopes: "all" });
        return {
          a,
          b,
          keysOnly: await seedApiKey(db, a.orgId, "keys:write"),
          domainsRead: await seedApiKey(db, a.orgId, "domains:read"),
          expired: await seedApiKey(db, a.orgId, "all", { expiresAt: new Date(Date.now() - 60_000) }),
        };
      },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  it("creates a key, returns the raw key once, and the key authenticates with exactly its scopes", async () => {
    const admin = apiClient(server.baseUrl, server.seeded.a.apiKey);
    const created = await admin("POST", "/api/v1/api-keys", { json: { name: "CI", scopes: ["domains:read", "scans:write"] } });
    expect(created.status).toBe(201);
    expect(created.body.error).toBeNull();
    const key = created.body.data;
    expect(key.key).toMatch(/^plumb_[0-9a-f]{48}$/);
    expect(key).toMatchObject({ name: "CI", scopes: ["domains:read", "scans:write"], revoked_at: null, last_used_at: null });
    expect(key.prefix).toBe(key.key.slice(0, key.prefix.length));

    const ci = apiClient(server.baseUrl, key.key);
    expect((await ci("GET", "/api/v1/domains")).status).toBe(200);
    expectError(await ci("POST", "/api/v1/domains", { json: { hostname: "ci.example.com" } }), 403, "forbidden");

    const list = await admin("GET", "/api/v1/api-keys?limit=100");
    const listed = list.body.data.find((k: { id: string }) => k.id === key.id);
    expect(listed).toBeDefined();
    expect(listed.key).toBeUndefined();
    expect(list.text).not.toContain(key.key);
    expect(listed.last_used_at).not.toBeNull();
  });

  it("maps all <-> the wildcard and accepts an expiry", async () => {
    const admin = apiClient(server.baseUrl, server.seeded.a.apiKey);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const r = await admin("POST", "/api/v1/api-keys", { json: { name: "Everything", scopes: ["all"], expires_at: expiresAt } });
    expect(r.status).toBe(201);
    expect(r.body.data.scopes).toEqual(["all"]);
    expect(new Date(r.body.data.expires_at).toISOString()).toBe(expiresAt);
  });

  it("pages through keys with an opaque cursor", async () => {
    const b = apiClient(server.baseUrl, server.seeded.b.apiKey);
    for (const name of ["p1", "p2", "p3"]) {
      expect((await b("POST", "/api/v1/api-keys", { json: { name, scopes: ["domains:read"] } })).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const r = await b("GET", `/api/v1/api-keys?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(r.status).toBe(200);
      expect(r.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...r.body.data.map((k: { name: string }) => k.name));
      cursor = r.body.meta.next_cursor;
      pages++;
    } while (cursor);
    // 3 created here + the seeded one, newest first, each exactly once.
    expect(seen).toEqual(["p3", "p2", "p1", "test"]);
    expect(pages).toBe(2);
    expectError(await b("GET", "/api/v1/api-keys?cursor=not-a-cursor"), 422, "invalid_params");
    expectError(await b("GET", "/api/v1/api-keys?limit=0"), 422, "invalid_params");
    expectError(await b("GET", "/api/v1/api-keys?limit=101"), 422, "invalid_params");
  });

  it("revokes a key: it stops working at once, and revoking again changes nothing", async () => {
    const admin = apiClient(server.baseUrl, server.seeded.a.apiKey);
    const created = (await admin("POST", "/api/v1/api-keys", { json: { name: "temp", scopes: ["domains:read"] } })).body.data;
    const temp = apiClient(server.baseUrl, created.key);
    expect((await temp("GET", "/api/v1/domains")).status).toBe(200);
    const revoked = await admin("DELETE", `/api/v1/api-keys/${created.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.revoked_at).not.toBeNull();
    expect(expectError(await temp("GET", "/api/v1/domains"), 401, "unauthorized").message).toMatch(/revoked/);
    const again = await admin("DELETE", `/api/v1/api-keys/${created.id}`);
    expect(again.body.data.revoked_at).toBe(revoked.body.data.revoked_at);
  });

  it("answers 401 for missing, malformed, unknown and expired credentials", async () => {
    const anon = apiClient(server.baseUrl);
    const e = expectError(await anon("GET", "/api/v1/api-keys"), 401, "unauthorized");
    expect(e.message).toMatch(/Bearer/);
    expectError(await anon("GET", "/api/v1/api-keys", { headers: { Authorization: "Basic abc" } }), 401, "unauthorized");
    expectError(await anon("GET", "/api/v1/api-keys", { headers: { Authorization: "Bearer plumb_0000" } }), 401, "unauthorized");
    expectError(await anon("GET", "/api/v1/api-keys", { headers: { Authorization: "Bearer nope" } }), 401, "unauthorized");
    const expired = expectError(await apiClient(server.baseUrl, server.seeded.expired)("GET", "/api/v1/domains"), 401, "unauthorized");
    expect(expired.message).toMatch(/expired/);
  });

  it("answers 403 without keys:write, and refuses to grant scopes the caller does not hold", async () => {
    expectError(await apiClient(server.baseUrl, server.seeded.domainsRead)("GET", "/api/v1/api-keys"), 403, "forbidden");
    const keysOnly = apiClient(server.baseUrl, server.seeded.keysOnly);
    expect((await keysOnly("GET", "/api/v1/api-keys")).status).toBe(200);
    expectError(await keysOnly("POST", "/api/v1/api-keys", { json: { name: "escalate", scopes: ["all"] } }), 403, "forbidden");
    expectError(await keysOnly("POST", "/api/v1/api-keys", { json: { name: "escalate", scopes: ["domains:write"] } }), 403, "forbidden");
    expect((await keysOnly("POST", "/api/v1/api-keys", { json: { name: "same", scopes: ["keys:write"] } })).status).toBe(201);
  });

  it("validates the body: 400 for broken JSON, 422 with issues for bad fields", async () => {
    const admin = apiClient(server.baseUrl, server.seeded.a.apiKey);
    expectError(await admin("POST", "/api/v1/api-keys", { raw: '{"name": "x", ' }), 400, "invalid_json");
    const bad = expectError(await admin("POST", "/api/v1/api-keys", { json: { name: "", scopes: ["domains:delete"] } }), 422, "invalid_params");
    const paths = bad.issues!.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["body.name", "body.scopes.0"]));
    expectError(await admin("POST", "/api/v1/api-keys", { json: { name: "x", scopes: [] } }), 422, "invalid_params");
    expectError(await admin("POST", "/api/v1/api-keys", {}), 422, "invalid_params");
    expectError(
      await admin("POST", "/api/v1/api-keys", { json: { name: "x", scopes: ["all"], expires_at: "2001-01-01T00:00:00Z" } }),
      422,
      "invalid_params",
    );
  });

  it("keeps organizations apart: another organization's key id is not found", async () => {
    const b = apiClient(server.baseUrl, server.seeded.b.apiKey);
    expectError(await b("DELETE", `/api/v1/api-keys/${server.seeded.a.apiKeyId}`), 404, "not_found");
    // ...and the key still works.
    expect((await apiClient(server.baseUrl, server.seeded.a.apiKey)("GET", "/api/v1/api-keys")).status).toBe(200);
  });

  it("matches the SHA-256 of the whole key: a key with a real key's prefix and another remainder is 401", async () => {
    const real = server.seeded.a.apiKey;
    expect((await apiClient(server.baseUrl, real)("GET", "/api/v1/domains")).status).toBe(200);
    const prefix = real.slice(0, 12);
    const flipped = real.slice(0, -1) + (real.endsWith("0") ? "1" : "0");
    for (const forged of [flipped, `${prefix}${"0".repeat(real.length - 12)}`, `${prefix}${real.slice(12).split("").reverse().join("")}`, prefix]) {
      expect(forged).not.toBe(real);
      expectError(await apiClient(server.baseUrl, forged)("GET", "/api/v1/domains"), 401, "unauthorized");
    }
  });

  it("refuses to revoke a key holding scopes beyond the caller's own (403), and allows it within them", async () => {
    const admin = apiClient(server.baseUrl, server.seeded.a.apiKey);
    const keysOnly = apiClient(server.baseUrl, server.seeded.keysOnly);
    // keys:write alone must not switch off the owner's `all` key, nor a key with scopes it lacks.
    const e = expectError(await keysOnly("DELETE", `/api/v1/api-keys/${server.seeded.a.apiKeyId}`), 403, "forbidden");
    expect(e.message).toMatch(/all/);
    const wider = (await admin("POST", "/api/v1/api-keys", { json: { name: "wider", scopes: ["keys:write", "scans:write"] } })).body.data;
    expectError(await keysOnly("DELETE", `/api/v1/api-keys/${wider.id}`), 403, "forbidden");
    expect((await admin("GET", "/api/v1/api-keys?limit=100")).body.data.find((k: { id: string }) => k.id === server.seeded.a.apiKeyId).revoked_at).toBeNull();
    expect((await admin("GET", "/api/v1/domains")).status).toBe(200);
    // A key within its own scopes it may revoke; the `all` key may revoke anything.
    const peer = (await admin("POST", "/api/v1/api-keys", { json: { name: "peer", scopes: ["keys:write"] } })).body.data;
    expect((await keysOnly("DELETE", `/api/v1/api-keys/${peer.id}`)).status).toBe(200);
    expect((await admin("DELETE", `/api/v1/api-keys/${wider.id}`)).status).toBe(200);
  });
});
