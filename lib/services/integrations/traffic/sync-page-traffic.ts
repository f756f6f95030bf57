// The sync of a GA4 or Search Console integration: the last 28 full days (yesterday back), per page, stored
// in PageTraffic for the organization's domains. Read-only upstream.
import { getPrisma } from "@/lib/db";
import { ga4PageViews, type Ga4Config } from "@/lib/integrations/providers/ga4/ga4-provider";
import { searchConsolePages, type GscConfig } from "@/lib/integrations/providers/gsc/search-console-provider";
import type { ProviderContext } from "@/lib/integrations/provider";
import { integrationContext } from "../integration-context";
import { storePageTraffic } from "./store-page-traffic";

export const TRAFFIC_DAYS = 28;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function trafficPeriod(now = new Date()): { start: Date; end: Date; startDate: string; endDate: string } {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  const start = new Date(end.getTime() - (TRAFFIC_DAYS - 1) * 86_400_000);
  return { start, end, startDate: isoDay(start), endDate: isoDay(end) };
}

export async function syncPageTraffic(input: { orgId: string; integrationId: string; now?: Date }): Promise<{ pages: number; calls: number }> {
  const db = await getPrisma();
  const row = await db.integration.findFirst({ where: { id: input.integrationId, organizationId: input.orgId } });
  if (!row || !row.encryptedCredentials || (row.provider !== "ga4" && row.provider !== "gsc")) return { pages: 0, calls: 0 };
  const { ctx } = integrationContext(row);
  const period = trafficPeriod(input.now);
  const range = { startDate: period.startDate, endDate: period.endDate };
  const rows =
    row.provider === "ga4"
      ? (await ga4PageViews(ctx as ProviderContext<Ga4Config>, range)).map((r) => ({ url: r.url, pageViews: r.value }))
      : (await searchConsolePages(ctx as ProviderContext<GscConfig>, range)).map((r) => ({ url: r.url, impressions: r.impressions, clicks: r.clicks }));
  const stored = await storePageTraffic(db, { orgId: input.orgId, source: row.provider, rows, periodStart: period.start, periodEnd: period.end });
  return { pages: stored.pages, calls: ctx.stats.calls };
}
