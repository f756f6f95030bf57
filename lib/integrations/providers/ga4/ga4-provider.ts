// Google Analytics 4 (read-only) through @google-analytics/data's BetaAnalyticsDataClient on its REST transport
// (gax "fallback"), pointed at ctx.apiBaseUrl (default https://analyticsdata.googleapis.com): page views per
// page (hostName + pagePath) over a date range, paged with limit/offset.
import { BetaAnalyticsDataClient } from "@google-analytics/data";
import { z } from "zod";
import { tokenCredentialSchema, type DataProvider, type ProviderContext } from "@/lib/integrations/provider";
import { googleAuthClient, googleWebBaseUrl, GOOGLE_READONLY_SCOPES, toGoogleError } from "@/lib/integrations/providers/google/google-auth";

export const ga4ConfigSchema = z.object({
  /** The GA4 property id (digits; Admin → Property details). */
  propertyId: z.string().trim().regex(/^\d{1,20}$/, "The numeric GA4 property id"),
});
export type Ga4Config = z.infer<typeof ga4ConfigSchema>;

export interface PageMetric {
  url: string;
  value: number;
}

const PAGE = 10_000;
const MAX_ROWS = 100_000;

async function client(ctx: ProviderContext<Ga4Config>): Promise<BetaAnalyticsDataClient> {
  const base = new URL(ctx.apiBaseUrl);
  return new BetaAnalyticsDataClient({
    authClient: await googleAuthClient(ctx),
    fallback: true,
    apiEndpoint: base.hostname,
    port: Number(base.port) || (base.protocol === "http:" ? 80 : 443),
    protocol: base.protocol.replace(":", ""),
  } as ConstructorParameters<typeof BetaAnalyticsDataClient>[0]);
}

/** GA4 row values are strings; views are whole numbers. Anything else reads as 0. */
function count(v: string | null | undefined): number {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.min(Math.round(n), 2_000_000_000) : 0;
}

export async function ga4PageViews(ctx: ProviderContext<Ga4Config>, range: { startDate: string; endDate: string }): Promise<PageMetric[]> {
  const c = await client(ctx);
  const out: PageMetric[] = [];
  try {
    for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
      const [res] = await c.runReport({
        property: `properties/${ctx.config.propertyId}`,
        dateRanges: [range],
        dimensions: [{ name: "hostName" }, { name: "pagePath" }],
        metrics: [{ name: "screenPageViews" }],
        limit: PAGE,
        offset,
      });
      for (const row of res.rows ?? []) {
        const host = row.dimensionValues?.[0]?.value ?? "";
        const path = row.dimensionValues?.[1]?.value ?? "";
        if (!host || !path.startsWith("/") || host.length > 253 || path.length > 2000) continue;
        out.push({ url: `https://${host}${path}`, value: count(row.metricValues?.[0]?.value) });
      }
      if (offset + PAGE >= Number(res.rowCount ?? 0)) break;
    }
  } catch (err) {
    throw toGoogleError(err, "Google Analytics");
  } finally {
    await c.close().catch(() => undefined);
  }
  return out;
}

export const ga4Provider: DataProvider<Ga4Config> = {
  id: "ga4",
  displayName: "Google Analytics 4",
  kind: "analytics",
  defaultApiBaseUrl: "https://analyticsdata.googleapis.com",
  tokenCredential: tokenCredentialSchema,
  oauth: { authorizePath: "/o/oauth2/v2/auth", tokenPath: "/token", scopes: [GOOGLE_READONLY_SCOPES[0]], pkce: true, webBaseUrl: googleWebBaseUrl },
  requiredScopes: [GOOGLE_READONLY_SCOPES[0], "Viewer role on the GA4 property (for a service account: add its e-mail as a Viewer)"],
  configSchema: ga4ConfigSchema,
  async testConnection(ctx) {
    const rows = await ga4PageViews(ctx, { startDate: "7daysAgo", endDate: "yesterday" });
    return { account: ctx.credential.type === "oauth" ? "Google account" : "service account", target: `property ${ctx.config.propertyId} (${rows.length} pages with views in the last 7 days)` };
  },
};
