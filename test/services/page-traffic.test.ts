// GA4 and Search Console syncs store traffic per page for the organization's domains (against the local
// Google server, through the integration's sealed credential and guarded fetch), and findings rank by it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { sealCredential } from "@/lib/integrations/credentials";
import { syncPageTraffic } from "@/lib/services/integrations/traffic/sync-page-traffic";
import { domainTrafficSummary, findingTraffic } from "@/lib/services/integrations/traffic/finding-traffic";
import { pageKey } from "@/lib/services/integrations/traffic/page-key";
import { createTestDatabase } from "@/test/support/db";
import { seedOrg, type SeededOrg } from "@/test/support/server";
import { startGoogleServer, type GoogleServer } from "@/test/support/providers/google-server";

let db: Database;
let google: GoogleServer;
let org: SeededOrg;
let other: SeededOrg;
let domainId: string;
const f: Record<string, string> = {};

async function finding(rule: string, urls: string[], orgId = org.orgId, domain = domainId): Promise<string> {
  const row = await db.prisma.finding.create({
    data: {
      organizationId: orgId,
      domainId: domain,
      fingerprint: `${rule}-${Math.random()}`,
      pillar: "security",
      rule,
      severity: "medium",
      title: rule,
      description: rule,
      fix: "fix it",
      url: urls[0],
      urls,
      instances: { create: urls.map((url) => ({ url })) },
    },
  });
  return row.id;
}

beforeAll(async () => {
  google = await startGoogleServer();
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = google.host;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
  org = await seedOrg(db.prisma);
  other = await seedOrg(db.prisma);
  const domain = await db.prisma.domain.create({ data: { organizationId: org.orgId, host: "example.com", verifyToken: "t1", verifiedAt: new Date() } });
  domainId = domain.id;
  const otherDomain = await db.prisma.domain.create({ data: { organizationId: other.orgId, host: "example.com", verifyToken: "t2", verifiedAt: new Date() } });
  // Home page 8,000 views, pricing 1,000, blog posts 1,000 together: 10,000.
  google.ga4.set("42", [
    { host: "www.example.com", path: "/", views: 8_000 },
    { host: "www.example.com", path: "/pricing/", views: 600 },
    { host: "example.com", path: "/pricing", views: 400 },
    ...Array.from({ length: 10 }, (_, i) => ({ host: "www.example.com", path: `/blog/${i}`, views: 100 })),
    { host: "unrelated.org", path: "/", views: 99_999 },
  ]);
  google.gsc.set("sc-domain:example.com", [
    { url: "https://www.example.com/", impressions: 5_000, clicks: 200 },
    { url: "https://www.example.com/blog/1", impressions: 5_000, clicks: 20 },
  ]);
  f.home = await finding("csp-missing", ["https://example.com/", "https://example.com/pricing?ref=x#top"]);
  f.blog = await finding("sri-missing", ["https://example.com/blog/1", "https://example.com/blog/2"]);
  f.none = await finding("security-txt-missing", ["https://example.com/.well-known/security.txt"]);
  f.foreign = await finding("csp-missing", ["https://example.com/"], other.orgId, otherDomain.id);
  for (const [provider, config] of [
    ["ga4", { propertyId: "42" }],
    ["gsc", { siteUrl: "sc-domain:example.com" }],
  ] as const) {
    await db.prisma.integration.create({
      data: { organizationId: org.orgId, provider, status: "connected", baseUrl: google.origin, config, ...sealCredential({ type: "oauth", accessToken: google.issueAccessToken() }) },
    });
  }
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  setDatabase(undefined);
  await db?.close();
  await google?.close();
});

describe("page traffic", () => {
  it("keys pages the same way across sources", () => {
    expect(pageKey("https://WWW.Example.com/pricing/?a=1#x")).toBe("example.com/pricing");
    expect(pageKey("http://example.com")).toBe("example.com/");
    expect(pageKey("http://localhost:8080/a/")).toBe("localhost:8080/a");
    expect(pageKey("javascript:alert(1)")).toBeNull();
  });

  it("syncs GA4 then Search Console into PageTraffic and ranks findings by the visits of their pages", async () => {
    const ga4 = await db.prisma.integration.findFirstOrThrow({ where: { organizationId: org.orgId, provider: "ga4" } });
    const gsc = await db.prisma.integration.findFirstOrThrow({ where: { organizationId: org.orgId, provider: "gsc" } });
    const r = await syncPageTraffic({ orgId: org.orgId, integrationId: ga4.id, now: new Date("2026-12-02T08:00:00Z") });
    expect(r).toMatchObject({ pages: 12, calls: 1 });
    expect(google.runReportBodies.at(-1)).toMatchObject({ dateRanges: [{ startDate: "2026-11-04", endDate: "2026-12-01" }] });
    await syncPageTraffic({ orgId: org.orgId, integrationId: gsc.id });
    const pricing = await db.prisma.pageTraffic.findUniqueOrThrow({ where: { domainId_url: { domainId, url: "example.com/pricing" } } });
    expect(pricing.pageViews).toBe(1_000);
    const home = await db.prisma.pageTraffic.findUniqueOrThrow({ where: { domainId_url: { domainId, url: "example.com/" } } });
    expect(home).toMatchObject({ pageViews: 8_000, impressions: 5_000, clicks: 200 });
    // The other organization's domain of the same name gets nothing.
    expect(await db.prisma.pageTraffic.count({ where: { organizationId: other.orgId } })).toBe(0);

    expect(await domainTrafficSummary({ orgId: org.orgId, domainId })).toMatchObject({ totalPageViews: 10_000, totalImpressions: 10_000, pages: 12 });
    const ranked = await findingTraffic({ orgId: org.orgId, domainId });
    expect(ranked.map((t) => [t.findingId, t.pageViews, Math.round(t.share * 100)])).toEqual([
      [f.home, 9_000, 90],
      [f.blog, 200, 2],
      [f.none, 0, 0],
    ]);
    expect((await findingTraffic({ orgId: org.orgId, findingIds: [f.foreign] })).length).toBe(0);

    // A re-sync where a page lost its views zeroes that source only, and drops pages nobody reports.
    google.ga4.set("42", [{ host: "www.example.com", path: "/", views: 100 }]);
    await syncPageTraffic({ orgId: org.orgId, integrationId: ga4.id });
    expect(await db.prisma.pageTraffic.count({ where: { domainId } })).toBe(2);
    const blog1 = await db.prisma.pageTraffic.findUniqueOrThrow({ where: { domainId_url: { domainId, url: "example.com/blog/1" } } });
    expect(blog1).toMatchObject({ pageViews: 0, impressions: 5_000 });
  });

  it("leaves the stored traffic as it was when the token was revoked", async () => {
    const ga4 = await db.prisma.integration.findFirstOrThrow({ where: { organizationId: org.orgId, provider: "ga4" } });
    const revoked = google.issueAccessToken();
    google.revoke(revoked);
    await db.prisma.integration.update({ where: { id: ga4.id }, data: sealCredential({ type: "oauth", accessToken: revoked }) });
    const before = await db.prisma.pageTraffic.count({ where: { domainId } });
    await expect(syncPageTraffic({ orgId: org.orgId, integrationId: ga4.id })).rejects.toMatchObject({ kind: "unauthorized" });
    expect(await db.prisma.pageTraffic.count({ where: { domainId } })).toBe(before);
  });
});
