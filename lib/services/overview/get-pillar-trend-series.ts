import { getPrisma, type Prisma } from "@/lib/db";
import { PILLARS, type Pillar } from "@/lib/scanner/types";
import { listPillarTrends, type PillarTrendPoint } from "../domain-result/list-pillar-trends";
import { BUCKET_DAYS, type TrendRange } from "./trend-ranges";

const DAY_MS = 86_400_000;

export interface TrendSeriesPoint {
  /** the end of the bucket: values are the composition as of this moment */
  at: Date;
  /** per pillar, the mean over the domains scored by then (rounded); absent when none was */
  scores: Partial<Record<Pillar, number>>;
  /** how many domains had at least one pillar scored by then */
  domains: number;
}

export interface PillarTrendSeries {
  range: TrendRange;
  bucketDays: number;
  points: TrendSeriesPoint[];
  /** the pillars that have a value at some point (the chart's series) */
  pillars: Pillar[];
}

/** The last point at or before `at` (points are oldest first). */
function asOf(points: PillarTrendPoint[], at: number): PillarTrendPoint | null {
  let found: PillarTrendPoint | null = null;
  for (const p of points) {
    if (p.at.getTime() > at) break;
    found = p;
  }
  return found;
}

/**
 * Pillar scores over the last 30, 90 or 365 days for the overview's chart: one point per bucket (a day, three
 * days, a week), each the composed pillar scores as of the bucket's end, averaged over the organization's
 * domains (or one domain's own when `domainId` is given). Read from the composition service
 * (listPillarTrends), never recomputed here.
 */
export async function getPillarTrendSeries(
  input: { orgId: string; range: TrendRange; domainId?: string; now?: Date },
  prisma?: Prisma,
): Promise<PillarTrendSeries> {
  const db = prisma ?? (await getPrisma());
  const now = (input.now ?? new Date()).getTime();
  const bucketDays = BUCKET_DAYS[input.range];
  const count = Math.ceil(input.range / bucketDays);
  const since = new Date(now - input.range * DAY_MS);
  const trends = await listPillarTrends(
    { orgId: input.orgId, domainIds: input.domainId ? [input.domainId] : undefined, since, until: new Date(now) },
    db,
  );
  const seen = new Set<Pillar>();
  const points: TrendSeriesPoint[] = [];
  for (let i = 0; i < count; i++) {
    const end = now - (count - 1 - i) * bucketDays * DAY_MS;
    const sums = new Map<Pillar, { total: number; n: number }>();
    let domains = 0;
    for (const list of trends.values()) {
      const p = asOf(list, end);
      if (!p || Object.keys(p.scores).length === 0) continue;
      domains++;
      for (const [pillar, score] of Object.entries(p.scores) as [Pillar, number][]) {
        const s = sums.get(pillar) ?? { total: 0, n: 0 };
        s.total += score;
        s.n += 1;
        sums.set(pillar, s);
      }
    }
    const scores: Partial<Record<Pillar, number>> = {};
    for (const pillar of PILLARS) {
      const s = sums.get(pillar);
      if (!s) continue;
      scores[pillar] = Math.round(s.total / s.n);
      seen.add(pillar);
    }
    points.push({ at: new Date(end), scores, domains });
  }
  return { range: input.range, bucketDays, points, pillars: PILLARS.filter((p) => seen.has(p)) };
}
