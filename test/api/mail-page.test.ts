// Settings -> Mail over HTTP against the real server (no SMTP_URL: the embedded default): owners read the
// organization's mail, escaped; admins, members and strangers get a 404; personal mail is never listed.
import { signInWithPassword } from "@/test/support/auth-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail } from "@/lib/services/mail/queue-mail";
import { seedOrg, startServer, SERVER_START_TIMEOUT, type SeededOrg, type TestServer } from "@/test/support/server";

interface Seed {
  org: SeededOrg;
  admin: { email: string; password: string };
  stranger: SeededOrg;
}

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  return (await signInWithPassword(baseUrl, email, password)).header();
}

describe("Settings -> Mail", () => {
  let server: TestServer<Seed>;
  beforeAll(async () => {
    server = await startServer<Seed>({
      seed: async (db) => {
        const org = await seedOrg(db, { name: "Mail Owners" });
        const stranger = await seedOrg(db, { name: "Strangers" });
        const adminOrg = await seedOrg(db, { name: "Admin Home" });
        await db.membership.create({ data: { organizationId: org.orgId, userId: adminOrg.userId, role: "admin", status: "active" } });
        await queueMail({
          tx: db,
          kind: "organization",
          organizationId: org.orgId,
          template: "invitation",
          to: "invitee@example.test",
          subject: "Invitation <script>alert(1)</script>",
          text: "Join us: http://127.0.0.1/invite/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG\n<img src=x onerror=alert(2)>",
        });
        await queueMail({ tx: db, kind: "personal", template: "password-reset", to: org.email, subject: "Reset your Plumb password", text: "secret reset link" });
        return { org, admin: { email: adminOrg.email, password: adminOrg.password }, stranger };
      },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(async () => server?.stop());

  const page = (slug: string, cookie?: string) =>
    fetch(`${server.baseUrl}/o/${slug}/settings/mail`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

  it("shows the organization's mail to an owner, escaped, with the link clickable", async () => {
    const { org } = server.seeded;
    const res = await page(org.orgSlug, await signIn(server.baseUrl, org.email, org.password));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Invitation &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toMatch(/<a [^>]*href="http:\/\/127\.0\.0\.1\/invite\/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"/);
    expect(html).toContain("No mail server is configured");
    // Personal mail is never listed, not even to the owner it was sent to.
    expect(html).not.toContain("Reset your Plumb password");
    expect(html).not.toContain("secret reset link");
  });

  it("is a 404 for an admin, for another organization's owner, and sends the signed-out to sign-in", async () => {
    const { org, admin, stranger } = server.seeded;
    const asAdmin = await page(org.orgSlug, await signIn(server.baseUrl, admin.email, admin.password));
    expect(asAdmin.status).toBe(404);
    expect(await asAdmin.text()).not.toContain("Invitation &lt;script");
    const asStranger = await page(org.orgSlug, await signIn(server.baseUrl, stranger.email, stranger.password));
    expect(asStranger.status).toBe(404);
    const signedOut = await page(org.orgSlug);
    expect([302, 303, 307, 308]).toContain(signedOut.status);
    expect(signedOut.headers.get("location")).toMatch(/\/sign-in/);
  });
});
