// Cloudflare next to a domain's security findings, through the framework's services and the local Cloudflare
// API: settings and "fix in Cloudflare" per finding, one-click HSTS recorded in the audit log, a token without
// Zone Settings: Edit refused in plain words, another organization's domain not found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { connectIntegration } from "@/lib/services/integrations/connect-integration";
import { applyCloudflareFix } from "@/lib/services/integrations/cloudflare/apply-cloudflare-fix";
import { readDomainCloudflare } from "@/lib/services/integrations/cloudflare/read-domain-cloudflare";
import type { Actor } from "@/lib/services/audit/record-audit-event";
import { createTestDatabase } from "@/test/support/db";
import { seedOrg } from "@/test/support/server";
import { startCloudflareServer, type CloudflareServer } from "@/test/support/providers/cloudflare-server";

let db: Database;
let cf: CloudflareServer;
let actor: Actor;
let otherActor: Actor;
let domainId: string;
let hstsFinding: string;

beforeAll(async () => {
  cf = await startCloudflareServer();
  cf.addZone("example.com");
  cf.addToken("cf-edit-token-1", { permissions: ["Zone Read", "Zone Settings Read", "Zone Settings Write"], canReadItself: true });
  cf.addToken("cf-read-token-1", { permissions: ["Zone Read", "Zone Settings Read"] });
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = cf.host;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
  const org = await seedOrg(db.prisma);
  const other = await seedOrg(db.prisma);
  actor = { orgId: org.orgId, userId: org.userId, apiKeyId: null, requestId: null };
  otherActor = { orgId: other.orgId, userId: other.userId, apiKeyId: null, requestId: null };
  domainId = (await db.prisma.domain.create({ data: { organizationId: org.orgId, host: "www.example.com", verifyToken: "t", verifiedAt: new Date() } })).id;
  const mk = (rule: string, pillar: "security" | "seo" = "security") =>
    db.prisma.finding.create({ data: { organizationId: org.orgId, domainId, fingerprint: rule, pillar, rule, severity: "medium", title: rule, description: "d", fix: "f", url: "https://www.example.com/", urls: [] } });
  hstsFinding = (await mk("hsts-missing")).id;
  await mk("plain-http");
  await mk("mixed-content");
  await mk("exposed-secret");
  await mk("seo-title-missing", "seo");
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  setDatabase(undefined);
  await db?.close();
  await cf?.close();
});

describe("Cloudflare on the domain", () => {
  it("is not shown before Cloudflare is connected", async () => {
    expect(await readDomainCloudflare({ orgId: actor.orgId, domainId })).toEqual({ state: "not_connected" });
  });

  it("shows the zone's settings and a fix per finding; applies HSTS once, audited", async () => {
    await connectIntegration(actor, { provider: "cloudflare", baseUrl: cf.apiBaseUrl, credential: { type: "token", token: "cf-edit-token-1" }, config: {} });
    const r = await readDomainCloudflare({ orgId: actor.orgId, domainId });
    if (r.state !== "ok") throw new Error(`unexpected ${r.state}`);
    expect(r.zone).toMatchObject({ zoneName: "example.com", sslMode: "flexible", alwaysUseHttps: false, canEditSettings: true });
    expect(r.fixes.map((x) => [x.rule, x.oneClick, x.alreadySet])).toEqual([
      ["hsts-missing", "hsts", false],
      ["plain-http", "always_use_https", false],
      ["mixed-content", null, true],
    ]);
    expect(r.fixes[0].findingId).toBe(hstsFinding);

    await applyCloudflareFix(actor, { domainId, fix: "hsts" });
    const after = await readDomainCloudflare({ orgId: actor.orgId, domainId });
    if (after.state !== "ok") throw new Error("unexpected");
    expect(after.fixes.find((x) => x.rule === "hsts-missing")!.alreadySet).toBe(true);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: actor.orgId, action: "integration.cloudflare_apply" } });
    expect(audit).toMatchObject({ targetType: "domain", targetId: domainId, actorUserId: actor.userId });
    expect(audit.metadata).toMatchObject({ zone: "example.com", fix: "hsts", before: { hsts: { enabled: false } }, after: { hsts: { enabled: true, max_age: 31_536_000 } } });
    expect(JSON.stringify(audit.metadata)).not.toContain("cf-edit-token-1");
  });

  it("refuses a one-click fix the token may not make, in plain words, and nothing is audited", async () => {
    await connectIntegration(actor, { provider: "cloudflare", baseUrl: cf.apiBaseUrl, credential: { type: "token", token: "cf-read-token-1" }, config: {} });
    const before = await db.prisma.auditEvent.count({ where: { action: "integration.cloudflare_apply" } });
    await expect(applyCloudflareFix(actor, { domainId, fix: "always_use_https" })).rejects.toMatchObject({ code: "provider_error", message: expect.stringMatching(/lacks a permission/) });
    expect(await db.prisma.auditEvent.count({ where: { action: "integration.cloudflare_apply" } })).toBe(before);
    expect(cf.zones[0].settings.always_use_https).toBe("off");
  });

  it("answers not found for another organization's domain", async () => {
    await expect(readDomainCloudflare({ orgId: otherActor.orgId, domainId })).rejects.toMatchObject({ code: "not_found" });
    await expect(applyCloudflareFix(otherActor, { domainId, fix: "hsts" })).rejects.toMatchObject({ code: "not_found" });
  });
});
