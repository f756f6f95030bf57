import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { seedOrg, startServer, SERVER_START_TIMEOUT, type SeededOrg, type TestServer } from "@/test/support/server";
import { apiClient, expectError } from "./api-client";
import { scopesForRole } from "@/lib/http/session-caller";

interface Seed {
  solo: SeededOrg;
  multi: SeededOrg;
  second: { id: string; slug: string };
  viewer: { email: string; password: string; orgId: string };
  foreign: SeededOrg;
}

/** Signs in through next-auth's credentials flow and returns the Cookie header of the session. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(csrfRes);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed: ${res.status}`);
  return cookie();
}

describe("/api/v1 with the dashboard session", () => {
  let server: TestServer<Seed>;
  beforeAll(async () => {
    server = await startServer<Seed>({
      seed: async (db) => {
        const solo = await seedOrg(db, { name: "Solo" });
        const multi = await seedOrg(db, { name: "Multi One" });
        const second = await db.organization.create({ data: { name: "Multi Two", slug: `multi-two-${Date.now()}` } });
        await db.membership.create({ data: { organizationId: second.id, userId: multi.userId, role: "viewer" } });
        const foreign = await seedOrg(db, { name: "Foreign" });
        const viewerOrg = await seedOrg(db, { name: "Viewer Org" });
        const v = await db.user.findUniqueOrThrow({ where: { id: viewerOrg.userId } });
        await db.membership.update({ where: { organizationId_userId: { organizationId: viewerOrg.orgId, userId: v.id } }, data: { role: "viewer" } });
        await createApiKey({ orgId: viewerOrg.orgId, name: "unused", scopes: "all" }, db);
        return {
          solo,
          multi,
          second: { id: second.id, slug: second.slug },
          viewer: { email: viewerOrg.email, password: viewerOrg.password, orgId: viewerOrg.orgId },
          foreign,
        };
      },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  it("acts in the user's only organization without a header", async () => {
    const cookie = await signIn(server.baseUrl, server.seeded.solo.email, server.seeded.solo.password);
    const call = apiClient(server.baseUrl, undefined, { Cookie: cookie });
    const created = await call("POST", "/api/v1/domains", { json: { hostname: "session.example.com" } });
    expect(created.status).toBe(201);
    const keys = await call("POST", "/api/v1/api-keys", { json: { name: "from the dashboard", scopes: ["all"] } });
    expect(keys.status).toBe(201);
    // The key made by the session works for the same organization.
    const list = await apiClient(server.baseUrl, keys.body.data.key)("GET", "/api/v1/domains");
    expect(list.body.data.map((d: { hostname: string }) => d.hostname)).toEqual(["session.example.com"]);
  });

  it("needs X-Plumb-Org (id or slug) when the user has several organizations; others' are 404", async () => {
    const cookie = await signIn(server.baseUrl, server.seeded.multi.email, server.seeded.multi.password);
    const call = apiClient(server.baseUrl, undefined, { Cookie: cookie });
    expectError(await call("GET", "/api/v1/domains"), 422, "invalid_params");
    expect((await call("GET", "/api/v1/domains", { headers: { "X-Plumb-Org": server.seeded.multi.orgSlug } })).status).toBe(200);
    expect((await call("GET", "/api/v1/domains", { headers: { "X-Plumb-Org": server.seeded.second.id } })).status).toBe(200);
    expectError(await call("GET", "/api/v1/domains", { headers: { "X-Plumb-Org": server.seeded.foreign.orgSlug } }), 404, "not_found");
    expectError(await call("GET", "/api/v1/domains", { headers: { "X-Plumb-Org": server.seeded.foreign.orgId } }), 404, "not_found");
    // A viewer membership only reads.
    expectError(
      await call("POST", "/api/v1/domains", { json: { hostname: "viewer.example.com" }, headers: { "X-Plumb-Org": server.seeded.second.slug } }),
      403,
      "forbidden",
    );
  });

  it("lets viewers read but not write or manage keys", async () => {
    const cookie = await signIn(server.baseUrl, server.seeded.viewer.email, server.seeded.viewer.password);
    const call = apiClient(server.baseUrl, undefined, { Cookie: cookie });
    expect((await call("GET", "/api/v1/domains")).status).toBe(200);
    expectError(await call("POST", "/api/v1/domains", { json: { hostname: "v.example.com" } }), 403, "forbidden");
    expectError(await call("GET", "/api/v1/api-keys"), 403, "forbidden");
    // The audit log is for owners and admins (Settings → Audit log says the same).
    expectError(await call("GET", "/api/v1/audit-events"), 403, "forbidden");
    expectError(await call("GET", "/api/v1/audit-events/export"), 403, "forbidden");
  });

  it("gives the audit log to owners and admins only", async () => {
    expect(scopesForRole("owner")).toEqual(["*"]);
    expect(scopesForRole("admin")).toEqual(["*"]);
    expect(scopesForRole("member")).not.toContain("audit:read");
    expect(scopesForRole("viewer")).not.toContain("audit:read");
    expect(scopesForRole("viewer")).toContain("findings:read");
    const cookie = await signIn(server.baseUrl, server.seeded.solo.email, server.seeded.solo.password);
    expect((await apiClient(server.baseUrl, undefined, { Cookie: cookie })("GET", "/api/v1/audit-events")).status).toBe(200);
  });

  it("refuses cross-origin writes made with the session cookie", async () => {
    const cookie = await signIn(server.baseUrl, server.seeded.solo.email, server.seeded.solo.password);
    const call = apiClient(server.baseUrl, undefined, { Cookie: cookie, Origin: "https://evil.example" });
    expectError(await call("POST", "/api/v1/domains", { json: { hostname: "csrf.example.com" } }), 403, "forbidden");
    const same = apiClient(server.baseUrl, undefined, { Cookie: cookie, Origin: server.baseUrl });
    expect((await same("POST", "/api/v1/domains", { json: { hostname: "same-origin.example.com" } })).status).toBe(201);
  });

  it("treats a bad cookie as no session (401)", async () => {
    const call = apiClient(server.baseUrl, undefined, { Cookie: "next-auth.session-token=garbage" });
    expectError(await call("GET", "/api/v1/domains"), 401, "unauthorized");
  });
});
