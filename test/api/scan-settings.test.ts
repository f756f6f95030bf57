// Domain scan settings over real HTTP: crawl rules (robots.txt, patterns, depth) and the write-only sign-in
// (PUT /domains/{id}/auth), then a real scan through the job engine that signs in to a login site, scans the
// pages behind the form and never hits its logout links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_START_TIMEOUT, seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { LOGIN_PASSWORD, LOGIN_USER, startLoginSite, type LoginSite } from "@/test/support/login-site";
import { api, seedDomain, until } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  readOnly: string;
  domainId: string;
}

interface Settings {
  domain_id: string;
  respect_robots: boolean;
  include: string[];
  exclude: string[];
  max_depth: number | null;
  auth: null | { header_names: string[]; cookie_names: string[]; login: null | Record<string, string | null> };
}

let site: LoginSite;
let server: TestServer<Seeded>;

beforeAll(async () => {
  site = await startLoginSite();
  server = await startServer<Seeded>({
    env: { PLUMB_JOBS_CRON: "off" },
    privateTargets: [site.origin],
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      return { a, b, readOnly: await seedApiKey(db, a.orgId, "domains:read"), domainId: await seedDomain(db, a.orgId, site.origin) };
    },
  });
}, SERVER_START_TIMEOUT);

afterAll(async () => {
  await server?.stop();
  await site?.close();
});

const login = (origin: string) => ({
  url: `${origin}/login`,
  username: LOGIN_USER,
  password: LOGIN_PASSWORD,
  username_selector: "#email",
  password_selector: "#password",
  submit_selector: "#sign-in",
  success_selector: "#signed-in",
});

describe("domain scan settings", { timeout: 240_000 }, () => {
  it("reads defaults, updates crawl rules and validates them", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const path = `/api/v1/domains/${server.seeded.domainId}/scan-settings`;
    const initial = await a<Settings>("GET", path);
    expect(initial.status).toBe(200);
    expect(initial.body.data).toMatchObject({ respect_robots: false, include: [], exclude: [], max_depth: null, auth: null });
    const put = await a<Settings>("PUT", path, { respect_robots: true, exclude: ["/admin/", "/*.pdf$"], max_depth: 3 });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({ respect_robots: true, exclude: ["/admin/", "/*.pdf$"], max_depth: 3, include: [] });
    const bad = await a("PUT", path, { include: ["https://elsewhere.test/"] });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.code).toBe("invalid_params");
    expect((await a("PUT", path, { max_depth: -1 })).status).toBe(422);
    expect((await a("PUT", path, { unknown: 1 })).status).toBe(422);
    // Back to the defaults the scan below needs (robots are not an issue on this site; depth unlimited).
    expect((await a<Settings>("PUT", path, { respect_robots: false, exclude: [], max_depth: null })).body.data).toMatchObject({ exclude: [], max_depth: null });
  });

  it("keeps other organizations and read-only keys out", async () => {
    const b = api(server.baseUrl, server.seeded.b.apiKey);
    expect((await b("GET", `/api/v1/domains/${server.seeded.domainId}/scan-settings`)).status).toBe(404);
    expect((await b("PUT", `/api/v1/domains/${server.seeded.domainId}/auth`, { login: login(site.origin) })).status).toBe(404);
    const ro = api(server.baseUrl, server.seeded.readOnly);
    expect((await ro("GET", `/api/v1/domains/${server.seeded.domainId}/scan-settings`)).status).toBe(200);
    expect((await ro("PUT", `/api/v1/domains/${server.seeded.domainId}/auth`, { login: login(site.origin) })).status).toBe(403);
  });

  it("stores the sign-in write-only", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const path = `/api/v1/domains/${server.seeded.domainId}/auth`;
    expect((await a("PUT", path, { login: { ...login(site.origin), url: "https://elsewhere.test/login" } })).status).toBe(422);
    expect((await a("PUT", path, { login: { ...login(site.origin), success_selector: undefined } })).status).toBe(422);
    expect((await a("PUT", path, { headers: [{ name: "Host", value: "x" }] })).status).toBe(422);
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${server.seeded.a.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ headers: [{ name: "X-Preview-Token", value: "header-secret-value" }], login: login(site.origin) }),
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(LOGIN_PASSWORD);
    expect(text).not.toContain("header-secret-value");
    const got = await a<Settings>("GET", `/api/v1/domains/${server.seeded.domainId}/scan-settings`);
    expect(got.body.data.auth).toEqual({
      header_names: ["X-Preview-Token"],
      cookie_names: [],
      login: { url: `${site.origin}/login`, username_selector: "#email", password_selector: "#password", submit_selector: "#sign-in", success_selector: "#signed-in", success_url: null },
    });
    expect(JSON.stringify(got.body)).not.toContain(LOGIN_PASSWORD);
  });

  it("scans the pages behind the login and never follows logout links", async () => {
    const a = api(server.baseUrl, server.seeded.a.apiKey);
    const created = await a<{ scan: { id: string } }>("POST", "/api/v1/scans", { domain_id: server.seeded.domainId, max_pages: 8, pillars: ["seo"] });
    expect(created.status).toBe(202);
    const id = created.body.data.scan.id;
    const scan = await until(`scan ${id}`, async () => {
      const got = await a<{ status: string; error: string | null; findings: { rule: string; urls: string[] }[] }>("GET", `/api/v1/scans/${id}`);
      return ["succeeded", "failed", "canceled"].includes(got.body.data.status) ? got.body.data : null;
    }, 200_000, 500);
    expect(scan.error).toBeNull();
    expect(scan.status).toBe("succeeded");
    const urls = new Set(scan.findings.flatMap((f) => f.urls).map((u) => new URL(u).pathname));
    expect(urls.has("/account/orders")).toBe(true);
    expect(urls.has("/account/settings")).toBe(true);
    expect(site.privateHits).toContain("/account/orders");
    expect(site.logoutHits).toBe(0);
    // Crawl and gather stages each sign in once.
    expect(site.logins).toBe(2);
    // Clearing it: scans are anonymous again.
    const cleared = await a<Settings>("DELETE", `/api/v1/domains/${server.seeded.domainId}/auth`);
    expect(cleared.body.data.auth).toBeNull();
  });
});
