// Google Search Console (read-only) through googleapis' searchconsole v1 (`@googleapis/searchconsole`, the
// standalone package of that API), pointed at ctx.apiBaseUrl as `rootUrl`: impressions and clicks per page,
// paged with rowLimit/startRow.
import { searchconsole } from "@googleapis/searchconsole";
import { z } from "zod";
import { tokenCredentialSchema, type DataProvider, type ProviderContext } from "@/lib/integrations/provider";
import { googleAuthClient, googleWebBaseUrl, GOOGLE_READONLY_SCOPES, toGoogleError } from "@/lib/integrations/providers/google/google-auth";

export const gscConfigSchema = z.object({
  /** The Search Console property: `sc-domain:example.com` or a URL-prefix property `https://example.com/`. */
  siteUrl: z.string().trim().max(500).regex(/^(sc-domain:[a-z0-9.-]+|https?:\/\/\S+\/)$/i, "sc-domain:example.com or https://example.com/"),
});
export type GscConfig = z.infer<typeof gscConfigSchema>;

export interface PageSearchMetric {
  url: string;
  impressions: number;
  clicks: number;
}

const PAGE = 25_000;
const MAX_ROWS = 100_000;

async function api(ctx: ProviderContext<GscConfig>) {
  return searchconsole({ version: "v1", auth: await googleAuthClient(ctx), rootUrl: ctx.apiBaseUrl.replace(/\/*$/, "/") });
}

const int = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? Math.min(Math.round(v), 2_000_000_000) : 0);

export async function searchConsolePages(ctx: ProviderContext<GscConfig>, range: { startDate: string; endDate: string }): Promise<PageSearchMetric[]> {
  const sc = await api(ctx);
  const out: PageSearchMetric[] = [];
  try {
    for (let startRow = 0; startRow < MAX_ROWS; startRow += PAGE) {
      const res = await sc.searchanalytics.query({
        siteUrl: ctx.config.siteUrl,
        requestBody: { startDate: range.startDate, endDate: range.endDate, dimensions: ["page"], rowLimit: PAGE, startRow, type: "web" },
      });
      const rows = res.data.rows ?? [];
      for (const r of rows) {
        const url = r.keys?.[0] ?? "";
        if (!/^https?:\/\//.test(url) || url.length > 2000) continue;
        out.push({ url, impressions: int(r.impressions), clicks: int(r.clicks) });
      }
      if (rows.length < PAGE) break;
    }
  } catch (err) {
    throw toGoogleError(err, "Search Console");
  }
  return out;
}

export const searchConsoleProvider: DataProvider<GscConfig> = {
  id: "gsc",
  displayName: "Google Search Console",
  kind: "analytics",
  defaultApiBaseUrl: "https://searchconsole.googleapis.com",
  tokenCredential: tokenCredentialSchema,
  oauth: { authorizePath: "/o/oauth2/v2/auth", tokenPath: "/token", scopes: [GOOGLE_READONLY_SCOPES[1]], pkce: true, webBaseUrl: googleWebBaseUrl },
  requiredScopes: [GOOGLE_READONLY_SCOPES[1], "Restricted or Full user of the Search Console property (for a service account: add its e-mail as a user)"],
  configSchema: gscConfigSchema,
  async testConnection(ctx) {
    const sc = await api(ctx);
    try {
      const site = await sc.sites.get({ siteUrl: ctx.config.siteUrl });
      return { account: ctx.credential.type === "oauth" ? "Google account" : "service account", target: `${site.data.siteUrl ?? ctx.config.siteUrl} (${site.data.permissionLevel ?? "unknown permission"})` };
    } catch (err) {
      throw toGoogleError(err, "Search Console");
    }
  },
};
