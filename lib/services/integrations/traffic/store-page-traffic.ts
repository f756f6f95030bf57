// Stores one source's per-page figures (GA4 page views, or Search Console impressions and clicks) for every
// domain of the organization the pages belong to. A page the source no longer reports gets 0 for that source;
// the other source's figures are left alone. One INSERT … ON CONFLICT per domain and batch.
import type { Prisma } from "@/lib/db";
import { domainKeyHost, pageKey } from "./page-key";

export type TrafficSource = "ga4" | "gsc";

export interface TrafficRow {
  url: string;
  pageViews?: number;
  impressions?: number;
  clicks?: number;
}

const BATCH = 2_000;

export async function storePageTraffic(
  db: Prisma,
  input: { orgId: string; source: TrafficSource; rows: TrafficRow[]; periodStart: Date; periodEnd: Date },
): Promise<{ domains: number; pages: number }> {
  const domains = await db.domain.findMany({ where: { organizationId: input.orgId }, select: { id: true, host: true } });
  const byHost = new Map(domains.map((d) => [domainKeyHost(d.host), d.id]));
  // Sum rows that land on one key (GA4 reports /a and /a/ apart; so does Search Console with http and https).
  const perDomain = new Map<string, Map<string, { pageViews: number; impressions: number; clicks: number }>>();
  for (const r of input.rows) {
    const key = pageKey(r.url);
    if (!key) continue;
    const domainId = byHost.get(key.slice(0, key.indexOf("/")));
    if (!domainId) continue;
    let pages = perDomain.get(domainId);
    if (!pages) perDomain.set(domainId, (pages = new Map()));
    const cur = pages.get(key) ?? { pageViews: 0, impressions: 0, clicks: 0 };
    cur.pageViews += r.pageViews ?? 0;
    cur.impressions += r.impressions ?? 0;
    cur.clicks += r.clicks ?? 0;
    pages.set(key, cur);
  }
  let pages = 0;
  for (const d of domains) {
    const rows = [...(perDomain.get(d.id) ?? new Map()).entries()];
    await db.$transaction(async (tx) => {
      if (input.source === "ga4") await tx.pageTraffic.updateMany({ where: { organizationId: input.orgId, domainId: d.id }, data: { pageViews: 0 } });
      else await tx.pageTraffic.updateMany({ where: { organizationId: input.orgId, domainId: d.id }, data: { impressions: 0, clicks: 0 } });
      for (let i = 0; i < rows.length; i += BATCH) {
        const chunk = rows.slice(i, i + BATCH);
        const urls = chunk.map(([k]) => k);
        const views = chunk.map(([, v]) => Math.min(v.pageViews, 2_000_000_000));
        const impressions = chunk.map(([, v]) => Math.min(v.impressions, 2_000_000_000));
        const clicks = chunk.map(([, v]) => Math.min(v.clicks, 2_000_000_000));
        if (input.source === "ga4") {
          await tx.$executeRaw`
            INSERT INTO "PageTraffic" ("id", "organizationId", "domainId", "url", "pageViews", "periodStart", "periodEnd", "updatedAt")
            SELECT 'pt_' || md5(${d.id} || t.url), ${input.orgId}, ${d.id}, t.url, t.v, ${input.periodStart}, ${input.periodEnd}, now()
            FROM unnest(${urls}::text[], ${views}::int[]) AS t(url, v)
            ON CONFLICT ("domainId", "url") DO UPDATE SET "pageViews" = EXCLUDED."pageViews", "periodStart" = EXCLUDED."periodStart", "periodEnd" = EXCLUDED."periodEnd", "updatedAt" = now()`;
        } else {
          await tx.$executeRaw`
            INSERT INTO "PageTraffic" ("id", "organizationId", "domainId", "url", "impressions", "clicks", "periodStart", "periodEnd", "updatedAt")
            SELECT 'pt_' || md5(${d.id} || t.url), ${input.orgId}, ${d.id}, t.url, t.i, t.c, ${input.periodStart}, ${input.periodEnd}, now()
            FROM unnest(${urls}::text[], ${impressions}::int[], ${clicks}::int[]) AS t(url, i, c)
            ON CONFLICT ("domainId", "url") DO UPDATE SET "impressions" = EXCLUDED."impressions", "clicks" = EXCLUDED."clicks", "periodStart" = EXCLUDED."periodStart", "periodEnd" = EXCLUDED."periodEnd", "updatedAt" = now()`;
        }
      }
      // Pages no source reports any more are dropped.
      await tx.pageTraffic.deleteMany({ where: { organizationId: input.orgId, domainId: d.id, pageViews: 0, impressions: 0, clicks: 0 } });
    });
    pages += rows.length;
  }
  return { domains: perDomain.size, pages };
}
