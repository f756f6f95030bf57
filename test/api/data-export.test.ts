// The GDPR downloads over real HTTP: a signed-in user gets their own data as a JSON attachment without secrets;
// an organization's export answers its owners only (404 for an admin of it and for a stranger).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/test/support/auth-client";
import { seedOrg, startServer, SERVER_START_TIMEOUT, type SeededOrg, type TestServer } from "@/test/support/server";

interface Seed {
  org: SeededOrg;
  admin: SeededOrg;
  stranger: SeededOrg;
  passwordHash: string;
}

describe("data export downloads", () => {
  let server: TestServer<Seed>;
  beforeAll(async () => {
    server = await startServer<Seed>({
      seed: async (db) => {
        const org = await seedOrg(db, { name: "Export Owners" });
        const admin = await seedOrg(db, { name: "Export Admin Home" });
        const stranger = await seedOrg(db, { name: "Export Strangers" });
        await db.membership.create({ data: { organizationId: org.orgId, userId: admin.userId, role: "admin", status: "active" } });
        const user = await db.user.findUniqueOrThrow({ where: { id: org.userId } });
        return { org, admin, stranger, passwordHash: user.passwordHash ?? "" };
      },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  const get = (path: string, cookie?: string) => fetch(`${server.baseUrl}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

  it("gives a signed-in user their data as an attachment, without secrets", async () => {
    const { org, passwordHash } = server.seeded;
    expect((await get("/account/export")).status).not.toBe(200);
    const jar = await signInWithPassword(server.baseUrl, org.email, org.password);
    const res = await get("/account/export", jar.header());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="?plumb-account-\d{4}-\d{2}-\d{2}\.json/);
    const text = await res.text();
    const body = JSON.parse(text) as { format: string };
    expect(body.format).toBe("plumb-user-export/v1");
    expect(text).toContain(org.email);
    expect(passwordHash.length).toBeGreaterThan(10);
    expect(text).not.toContain(passwordHash);
    expect(text).not.toContain(org.apiKey);
  });

  it("gives the organization's export to its owners only", async () => {
    const { org, admin, stranger } = server.seeded;
    const owner = await signInWithPassword(server.baseUrl, org.email, org.password);
    const res = await get(`/o/${org.orgSlug}/settings/export`, owner.header());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment/);
    const text = await res.text();
    expect((JSON.parse(text) as { format: string }).format).toBe("plumb-organization-export/v1");
    expect(text).not.toContain(org.apiKey);
    const asAdmin = await signInWithPassword(server.baseUrl, admin.email, admin.password);
    expect((await get(`/o/${org.orgSlug}/settings/export`, asAdmin.header())).status).toBe(404);
    const asStranger = await signInWithPassword(server.baseUrl, stranger.email, stranger.password);
    expect((await get(`/o/${org.orgSlug}/settings/export`, asStranger.header())).status).toBe(404);
  });
});
