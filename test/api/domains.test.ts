import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer, SERVER_START_TIMEOUT } from "@/test/support/server";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { freePort } from "@/test/support/server";
import { apiClient, expectError } from "./api-client";

interface Seed {
  a: SeededOrg;
  b: SeededOrg;
  readOnly: string;
}

describe("/api/v1/domains", () => {
  let server: TestServer<Seed>;
  const fixtures: FixtureServer[] = [];
  const dirs: string[] = [];
  let a: ReturnType<typeof apiClient>;
  let b: ReturnType<typeof apiClient>;
  // Local sites, started before the server so that exactly their origins go into its SSRF allow-list.
  const pool: Site[] = [];
  let elsewhere: Site;
  let redirector: Site;
  let notAllowedPort: number;

  beforeAll(async () => {
    for (let i = 0; i < 4; i++) pool.push(await newSite());
    elsewhere = await newSite("127.0.0.2");
    // The domain's own site sends every request to the other host (fixture rules are read at start).
    redirector = await newSite("127.0.0.1", { "*": { status: 302, redirect: `${elsewhere.fixture.origin}/` }, "/.well-known/plumb-verification.txt": { status: 302, redirect: `${elsewhere.fixture.origin}/.well-known/plumb-verification.txt` } });
    notAllowedPort = await freePort();
    server = await startServer<Seed>({
      privateTargets: [...pool, elsewhere, redirector].map((s) => s.fixture.origin),
      seed: async (db) => {
        const orgA = await seedOrg(db, { name: "Domains A", scopes: "all" });
        const orgB = await seedOrg(db, { name: "Domains B", scopes: "domains:write" });
        return { a: orgA, b: orgB, readOnly: await seedApiKey(db, orgA.orgId, "domains:read") };
      },
    });
    a = apiClient(server.baseUrl, server.seeded.a.apiKey);
    b = apiClient(server.baseUrl, server.seeded.b.apiKey);
  }, SERVER_START_TIMEOUT);
  afterAll(async () => {
    await Promise.all(fixtures.map((f) => f.close()));
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    await server?.stop();
  });

  interface Site {
    fixture: FixtureServer;
    write(file: string, content: string): void;
  }
  /** A local site from the pool, whose files are written after the domain exists (the token is only known then). */
  async function site(): Promise<Site> {
    const next = pool.shift();
    if (!next) throw new Error("The pool of allow-listed sites is used up: start more in beforeAll.");
    return next;
  }
  async function newSite(host: "127.0.0.1" | "127.0.0.2" = "127.0.0.1", rules?: Record<string, unknown>): Promise<Site> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-verify-site-"));
    dirs.push(root);
    if (rules) fs.writeFileSync(path.join(root, "_headers.json"), JSON.stringify(rules));
    const fixture = await startFixtureServer({ root, host });
    fixtures.push(fixture);
    return {
      fixture,
      write: (file, content) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), content);
      },
    };
  }

  it("creates a domain from a hostname with its token and the three exact verification methods", async () => {
    const r = await a("POST", "/api/v1/domains", { json: { hostname: "Example.COM.", organization_name: "Example Inc" } });
    expect(r.status).toBe(201);
    const d = r.body.data;
    expect(d).toMatchObject({
      hostname: "example.com",
      scheme: "https",
      url: "https://example.com",
      verified: false,
      verified_at: null,
      schedule: "off",
      schedule_pillars: [],
      directory_enabled: false,
      organization_name: "Example Inc",
      last_score: null,
    });
    expect(d.verify_token).toMatch(/^[0-9a-f]{32}$/);
    const byMethod = Object.fromEntries(d.verification.methods.map((m: { method: string }) => [m.method, m]));
    expect(byMethod.meta.value).toBe(`<meta name="plumb-site-verification" content="${d.verify_token}">`);
    expect(byMethod.dns).toMatchObject({ value: `plumb-site-verification=${d.verify_token}`, location: "example.com" });
    expect(byMethod.file).toMatchObject({ value: d.verify_token, location: "https://example.com/.well-known/plumb-verification.txt" });
  });

  it("keeps scheme and port from a url, and a port from a hostname", async () => {
    const r = await a("POST", "/api/v1/domains", { json: { url: "http://LocalHost:8080" } });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ hostname: "localhost:8080", scheme: "http", url: "http://localhost:8080" });
    const p = await a("POST", "/api/v1/domains", { json: { hostname: "shop.example.org:8443" } });
    expect(p.body.data).toMatchObject({ hostname: "shop.example.org:8443", scheme: "https" });
    const d = await a("POST", "/api/v1/domains", { json: { url: "https://default-port.example.org:443/" } });
    expect(d.body.data.hostname).toBe("default-port.example.org");
  });

  it("answers 409 conflict when the organization already has the host (another organization may add it)", async () => {
    expect((await a("POST", "/api/v1/domains", { json: { hostname: "dup.example.com" } })).status).toBe(201);
    expectError(await a("POST", "/api/v1/domains", { json: { hostname: "DUP.example.com" } }), 409, "conflict");
    expectError(await a("POST", "/api/v1/domains", { json: { url: "http://dup.example.com" } }), 409, "conflict");
    expect((await b("POST", "/api/v1/domains", { json: { hostname: "dup.example.com" } })).status).toBe(201);
  });

  it.each([
    [{ hostname: "exa mple.com" }],
    [{ hostname: "https://example.com" }],
    [{ hostname: "example.com/path" }],
    [{ hostname: "user@example.com" }],
    [{ hostname: "-bad.example.com" }],
    [{ hostname: "bad_label.example.com" }],
    [{ hostname: "1.2.3" }],
    [{ hostname: "2130706433" }],
    [{ hostname: "intranet" }],
    [{ hostname: "example.com:99999" }],
    [{ url: "ftp://example.com" }],
    [{ url: "example.com" }],
    [{ hostname: "a.com", url: "https://a.com" }],
    [{}],
    [{ hostname: 42 }],
  ])("rejects %j with 422 invalid_params", async (body) => {
    const e = expectError(await a("POST", "/api/v1/domains", { json: body }), 422, "invalid_params");
    expect(e.issues?.length).toBeGreaterThan(0);
  });

  it("answers 400 invalid_json for an unparseable body", async () => {
    expectError(await a("POST", "/api/v1/domains", { raw: "{hostname: example.com}" }), 400, "invalid_json");
  });

  it("lists with cursor pagination, only the caller's organization", async () => {
    const c = apiClient(server.baseUrl, server.seeded.b.apiKey);
    for (const h of ["l1.example.net", "l2.example.net", "l3.example.net"]) await c("POST", "/api/v1/domains", { json: { hostname: h } });
    const first = await c("GET", "/api/v1/domains?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.meta.next_cursor).toEqual(expect.any(String));
    const all: string[] = first.body.data.map((d: { hostname: string }) => d.hostname);
    let cursor = first.body.meta.next_cursor;
    while (cursor) {
      const next = await c("GET", `/api/v1/domains?limit=2&cursor=${encodeURIComponent(cursor)}`);
      all.push(...next.body.data.map((d: { hostname: string }) => d.hostname));
      cursor = next.body.meta.next_cursor;
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(["l1.example.net", "l2.example.net", "l3.example.net"]));
    const aList = await a("GET", "/api/v1/domains?limit=100");
    expect(aList.body.data.map((d: { hostname: string }) => d.hostname)).not.toContain("l1.example.net");
    expect(aList.body.meta.next_cursor).toBeNull();
  });

  it("reads, updates and deletes; another organization's id is 404 and leaves the domain alone", async () => {
    const d = (await a("POST", "/api/v1/domains", { json: { hostname: "crud.example.com" } })).body.data;
    expect((await a("GET", `/api/v1/domains/${d.id}`)).body.data.id).toBe(d.id);
    expectError(await b("GET", `/api/v1/domains/${d.id}`), 404, "not_found");
    expectError(await b("PATCH", `/api/v1/domains/${d.id}`, { json: { schedule: "daily" } }), 404, "not_found");
    expectError(await b("DELETE", `/api/v1/domains/${d.id}`), 404, "not_found");
    expectError(await b("POST", `/api/v1/domains/${d.id}/verify`), 404, "not_found");
    expectError(await a("GET", `/api/v1/domains/does-not-exist`), 404, "not_found");

    const u = await a("PATCH", `/api/v1/domains/${d.id}`, {
      json: { schedule: "weekly", schedule_pillars: ["security", "seo"], directory_enabled: true, description: "Our shop" },
    });
    expect(u.status).toBe(200);
    expect(u.body.data).toMatchObject({ schedule: "weekly", schedule_pillars: ["security", "seo"], directory_enabled: true, description: "Our shop" });
    const due = new Date(u.body.data.next_scheduled_at).getTime() - Date.now();
    expect(due).toBeGreaterThan(6 * 86_400_000);
    const off = await a("PATCH", `/api/v1/domains/${d.id}`, { json: { schedule: "off", organization_name: null } });
    expect(off.body.data).toMatchObject({ schedule: "off", next_scheduled_at: null, organization_name: null });

    expectError(await a("PATCH", `/api/v1/domains/${d.id}`, { json: {} }), 422, "invalid_params");
    expectError(await a("PATCH", `/api/v1/domains/${d.id}`, { json: { hostname: "other.com" } }), 422, "invalid_params");
    expectError(await a("PATCH", `/api/v1/domains/${d.id}`, { json: { schedule: "hourly" } }), 422, "invalid_params");
    expectError(await a("PATCH", `/api/v1/domains/${d.id}`, { json: { schedule_pillars: ["speed"] } }), 422, "invalid_params");

    const del = await a("DELETE", `/api/v1/domains/${d.id}`);
    expect(del.status).toBe(200);
    expect(del.body.data).toEqual({ id: d.id, deleted: true });
    expectError(await a("GET", `/api/v1/domains/${d.id}`), 404, "not_found");
    expectError(await a("DELETE", `/api/v1/domains/${d.id}`), 404, "not_found");
  });

  it("enforces scopes: 401 without a key, 403 for writes with domains:read", async () => {
    expectError(await apiClient(server.baseUrl)("GET", "/api/v1/domains"), 401, "unauthorized");
    const ro = apiClient(server.baseUrl, server.seeded.readOnly);
    expect((await ro("GET", "/api/v1/domains")).status).toBe(200);
    expectError(await ro("POST", "/api/v1/domains", { json: { hostname: "ro.example.com" } }), 403, "forbidden");
    const any = (await ro("GET", "/api/v1/domains")).body.data[0];
    expectError(await ro("PATCH", `/api/v1/domains/${any.id}`, { json: { schedule: "daily" } }), 403, "forbidden");
    expectError(await ro("DELETE", `/api/v1/domains/${any.id}`), 403, "forbidden");
    expectError(await ro("POST", `/api/v1/domains/${any.id}/verify`), 403, "forbidden");
  });

  it("verifies with the meta tag in the home page's head, then the badge says 'no scan'", async () => {
    const s = await site();
    const d = (await a("POST", "/api/v1/domains", { json: { url: s.fixture.origin } })).body.data;
    const before = await a("POST", `/api/v1/domains/${d.id}/verify`);
    expect(before.status).toBe(200);
    expect(before.body.data.verified).toBe(false);
    expect(before.body.data.reason).toMatch(/meta/);
    expect(before.body.data.reason).toMatch(/dns/);
    expect(before.body.data.reason).toMatch(/file/);

    s.write(
      "index.html",
      `<!doctype html><html><head><title>x</title>
       <!-- <meta name="plumb-site-verification" content="wrong"> -->
       <META content='${d.verify_token}' NAME="Plumb-Site-Verification" /></head><body>hi</body></html>`,
    );
    const r = await a("POST", `/api/v1/domains/${d.id}/verify`);
    expect(r.body.data).toMatchObject({ verified: true, method: "meta" });
    expect(r.body.data.domain).toMatchObject({ verified: true, verification_method: "meta" });
    expect((await a("GET", `/api/v1/domains/${d.id}`)).body.data.verified_at).not.toBeNull();

    const badge = await fetch(`${server.baseUrl}/api/v1/badge?id=${d.id}`);
    expect(await badge.text()).toContain("no scan");
  });

  it("does not accept the token in the page body or a comment, and accepts the well-known file", async () => {
    const s = await site();
    const d = (await a("POST", "/api/v1/domains", { json: { url: s.fixture.origin } })).body.data;
    s.write(
      "index.html",
      `<html><head><!-- <meta name="plumb-site-verification" content="${d.verify_token}"> --></head>
       <body><meta name="plumb-site-verification" content="${d.verify_token}"></body></html>`,
    );
    const r = await a("POST", `/api/v1/domains/${d.id}/verify`);
    expect(r.body.data.verified).toBe(false);
    expect(r.body.data.reason).toMatch(/no plumb-site-verification tag/);

    s.write(".well-known/plumb-verification.txt", `# plumb\n${d.verify_token}\n`);
    const ok = await a("POST", `/api/v1/domains/${d.id}/verify`);
    expect(ok.body.data).toMatchObject({ verified: true, method: "file" });
  });

  it("refuses a proof reached through a redirect to another host, and says why in the answer", async () => {
    const d = (await a("POST", "/api/v1/domains", { json: { url: redirector.fixture.origin } })).body.data;
    // The other host carries this domain's token in every form; the domain's own site redirects there.
    elsewhere.write("index.html", `<html><head><meta name="plumb-site-verification" content="${d.verify_token}"></head></html>`);
    elsewhere.write(".well-known/plumb-verification.txt", `${d.verify_token}\n`);
    const r = await a("POST", `/api/v1/domains/${d.id}/verify`);
    expect(r.status).toBe(200);
    expect(r.body.data.verified).toBe(false);
    const lines: string[] = r.body.data.reason.split("\n");
    expect(lines.find((l) => l.startsWith("meta:"))).toMatch(new RegExp(`refused to follow the redirect .*another host \\(${elsewhere.fixture.host.replace(/\./g, "\\.")}:`));
    expect(lines.find((l) => l.startsWith("file:"))).toMatch(/refused to follow the redirect .*another host/);
    expect((await a("GET", `/api/v1/domains/${d.id}`)).body.data.verified).toBe(false);
  });

  it("reaches only allow-listed private origins: another loopback port is refused as private", async () => {
    const d = (await a("POST", "/api/v1/domains", { json: { url: `http://127.0.0.1:${notAllowedPort}` } })).body.data;
    const r = await a("POST", `/api/v1/domains/${d.id}/verify`);
    expect(r.body.data.verified).toBe(false);
    expect(r.body.data.reason).toMatch(/meta: refused, 127\.0\.0\.1 resolves to a private address/);
    expect(r.body.data.domain).toMatchObject({ verification_lost_at: null, verification_lost_reason: null });
  });
});
