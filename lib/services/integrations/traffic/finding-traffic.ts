// Ranks findings by the traffic of the pages they affect: a finding's share is the page views (GA4) of the
// distinct pages among its instances over the domain's total page views in PageTraffic; Search Console
// impressions rank the same way where GA4 is not connected.
import { getPrisma, type Prisma } from "@/lib/db";
import { pageKey } from "./page-key";

export interface FindingTraffic {
  findingId: string;
  pageViews: number;
  impressions: number;
  /** 0..1 of the domain's page views (or impressions when it has no page views). */
  share: number;
}

export interface DomainTraffic {
  totalPageViews: number;
  totalImpressions: number;
  pages: number;
  updatedAt: Date | null;
  periodStart: Date | null;
  periodEnd: Date | null;
}

export async function domainTrafficSummary(input: { orgId: string; domainId: string }, prisma?: Prisma): Promise<DomainTraffic> {
  const db = prisma ?? (await getPrisma());
  const agg = await db.pageTraffic.aggregate({
    where: { organizationId: input.orgId, domainId: input.domainId },
    _sum: { pageViews: true, impressions: true },
    _count: true,
    _max: { updatedAt: true, periodStart: true, periodEnd: true },
  });
  return {
    totalPageViews: agg._sum.pageViews ?? 0,
    totalImpressions: agg._sum.impressions ?? 0,
    pages: agg._count,
    updatedAt: agg._max.updatedAt,
    periodStart: agg._max.periodStart,
    periodEnd: agg._max.periodEnd,
  };
}

/** Traffic of the given findings (or all open and in-progress ones of the domain), highest share first. */
export async function findingTraffic(
  input: { orgId: string; domainId?: string; findingIds?: string[] },
  prisma?: Prisma,
): Promise<FindingTraffic[]> {
  const db = prisma ?? (await getPrisma());
  const findings = await db.finding.findMany({
    where: {
      organizationId: input.orgId,
      ...(input.domainId ? { domainId: input.domainId } : {}),
      ...(input.findingIds ? { id: { in: input.findingIds } } : { status: { in: ["open", "in_progress"] } }),
    },
    select: { id: true, domainId: true, url: true, instances: { select: { url: true } } },
  });
  const domainIds = [...new Set(findings.map((f) => f.domainId))];
  if (!domainIds.length) return [];
  const traffic = await db.pageTraffic.findMany({
    where: { organizationId: input.orgId, domainId: { in: domainIds } },
    select: { domainId: true, url: true, pageViews: true, impressions: true },
  });
  const byDomain = new Map<string, { pages: Map<string, { v: number; i: number }>; views: number; impressions: number }>();
  for (const t of traffic) {
    let d = byDomain.get(t.domainId);
    if (!d) byDomain.set(t.domainId, (d = { pages: new Map(), views: 0, impressions: 0 }));
    d.pages.set(t.url, { v: t.pageViews, i: t.impressions });
    d.views += t.pageViews;
    d.impressions += t.impressions;
  }
  const out: FindingTraffic[] = findings.map((f) => {
    const d = byDomain.get(f.domainId);
    const keys = new Set([f.url, ...f.instances.map((i) => i.url)].map(pageKey).filter((k): k is string => k !== null));
    let v = 0;
    let i = 0;
    for (const k of keys) {
      const p = d?.pages.get(k);
      if (p) {
        v += p.v;
        i += p.i;
      }
    }
    const share = d ? (d.views > 0 ? v / d.views : d.impressions > 0 ? i / d.impressions : 0) : 0;
    return { findingId: f.id, pageViews: v, impressions: i, share: Math.min(1, share) };
  });
  return out.sort((a, b) => b.share - a.share || b.pageViews - a.pageViews || b.impressions - a.impressions);
}
