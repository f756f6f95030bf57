// GA4 (@google-analytics/data, REST transport) and Search Console (@googleapis/searchconsole) against the local
// Google server, with an OAuth access token and with a service-account JSON key, over the SSRF guard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { ProviderError, type Credential } from "@/lib/integrations/provider";
import { ga4ConfigSchema, ga4PageViews, ga4Provider } from "@/lib/integrations/providers/ga4/ga4-provider";
import { gscConfigSchema, searchConsolePages, searchConsoleProvider } from "@/lib/integrations/providers/gsc/search-console-provider";
import { startGoogleServer, type GoogleServer } from "@/test/support/providers/google-server";
import { testProviderContext } from "@/test/support/providers/provider-context";

let google: GoogleServer;
const range = { startDate: "28daysAgo", endDate: "yesterday" };

beforeAll(async () => {
  google = await startGoogleServer();
  // 12,345 pages: GA4 pages through two runReport calls of 10,000.
  google.ga4.set("123456", Array.from({ length: 12_345 }, (_, i) => ({ host: "www.example.com", path: i === 0 ? "/" : `/p/${i}`, views: i === 0 ? 50_000 : 12_345 - i })));
  google.gsc.set("sc-domain:example.com", [
    { url: "https://www.example.com/", impressions: 9000, clicks: 400 },
    { url: "https://www.example.com/p/1", impressions: 1200, clicks: 30 },
  ]);
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = google.host;
  resetEnv();
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  await google?.close();
});

const ga4 = (credential: Credential, propertyId = "123456") => testProviderContext({ apiBaseUrl: google.origin, credential, config: ga4ConfigSchema.parse({ propertyId }) });
const gsc = (credential: Credential, siteUrl = "sc-domain:example.com") => testProviderContext({ apiBaseUrl: google.origin, credential, config: gscConfigSchema.parse({ siteUrl }) });

describe("GA4", () => {
  it("reads page views per page, paging with limit/offset, with an OAuth access token", async () => {
    const rows = await ga4PageViews(ga4({ type: "oauth", accessToken: google.issueAccessToken() }), range);
    expect(rows).toHaveLength(12_345);
    expect(rows[0]).toEqual({ url: "https://www.example.com/", value: 50_000 });
    expect(google.runReportBodies.slice(-2).map((b) => (b as { offset?: unknown }).offset ?? "0").map(String)).toEqual(["0", "10000"]);
  });

  it("connects with a service-account JSON key (JWT bearer grant at the key's token_uri)", async () => {
    const r = await ga4Provider.testConnection(ga4({ type: "token", token: google.serviceAccountKey() }));
    expect(r).toMatchObject({ account: "service account" });
    expect(r.target).toMatch(/^property 123456/);
  });

  it("reports a revoked token, a property it cannot read, and a 429", async () => {
    const t = google.issueAccessToken();
    google.revoke(t);
    const e401 = (await ga4PageViews(ga4({ type: "oauth", accessToken: t }), range).catch((e: unknown) => e)) as ProviderError;
    expect(e401).toBeInstanceOf(ProviderError);
    expect(e401.kind).toBe("unauthorized");
    const e403 = (await ga4PageViews(ga4({ type: "oauth", accessToken: google.issueAccessToken() }, "999"), range).catch((e: unknown) => e)) as ProviderError;
    expect(e403.kind).toBe("forbidden");
    google.fail({ pathIncludes: ":runReport", reply: { status: 429, headers: { "retry-after": "90" }, body: { error: { code: 429, message: "Exhausted property tokens for a project per hour.", status: "RESOURCE_EXHAUSTED" } } } });
    const e429 = (await ga4PageViews(ga4({ type: "oauth", accessToken: google.issueAccessToken() }), range).catch((e: unknown) => e)) as ProviderError;
    expect(e429.kind).toBe("rate_limited");
    const badKey = (await ga4Provider.testConnection(ga4({ type: "token", token: "not a json key" })).catch((e: unknown) => e)) as ProviderError;
    expect(badKey.kind).toBe("validation");
  });
});

describe("Search Console", () => {
  it("connects and reads impressions and clicks per page", async () => {
    const oauth: Credential = { type: "oauth", accessToken: google.issueAccessToken() };
    expect((await searchConsoleProvider.testConnection(gsc(oauth))).target).toBe("sc-domain:example.com (siteFullUser)");
    const rows = await searchConsolePages(gsc(oauth), { startDate: "2026-11-04", endDate: "2026-12-01" });
    expect(rows).toEqual([
      { url: "https://www.example.com/", impressions: 9000, clicks: 400 },
      { url: "https://www.example.com/p/1", impressions: 1200, clicks: 30 },
    ]);
    const sa = await searchConsolePages(gsc({ type: "token", token: google.serviceAccountKey("other@plumb-test.iam.gserviceaccount.com") }), { startDate: "2026-11-04", endDate: "2026-12-01" });
    expect(sa).toHaveLength(2);
  });

  it("reports a property the account cannot see and a 5xx", async () => {
    const oauth: Credential = { type: "oauth", accessToken: google.issueAccessToken() };
    const e403 = (await searchConsoleProvider.testConnection(gsc(oauth, "https://other.example/")).catch((e: unknown) => e)) as ProviderError;
    expect(e403.kind).toBe("forbidden");
    const fail = { pathIncludes: "/searchAnalytics", reply: { status: 503, body: { error: { code: 503, message: "The service is currently unavailable.", status: "UNAVAILABLE" } } } };
    google.fail(fail, fail, fail, fail);
    const e503 = (await searchConsolePages(gsc(oauth), { startDate: "2026-11-04", endDate: "2026-12-01" }).catch((e: unknown) => e)) as ProviderError;
    expect(e503.kind).toBe("server");
  });
});
