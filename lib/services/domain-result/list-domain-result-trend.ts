import { scanCountsForPillar } from "./pillar-device-rule";
import { getPrisma, type Prisma } from "@/lib/db";
import { SEVERITIES, type Pillar, type Severity } from "@/lib/scanner/types";
import { composeResult, emptySeverityCounts, type DomainResult, type PillarSource, type SeverityCounts } from "./compose";
import { COUNTING_TRIGGERS } from "./counting-triggers";
import { loadDomainResult } from "./load-domain-results";

export const TREND_LIMIT = 30;
// How far back the fold looks for pillars the recent scans did not cover.
const FOLD_WINDOW = 500;

export interface TrendPoint {
  scanId: string;
  finishedAt: Date;
  score: number;
  grade: string | null;
  /** the composed pillar scores as of this scan */
  scores: Partial<Record<Pillar, number>>;
}

interface CapRow {
  scanId: string;
  pillar: string;
  severity: string;
  count: number | bigint;
}

/**
 * The composed result over time: one point per counting scan (oldest first), each the composition as of that
 * scan — every pillar from the latest counting scan that covered it by then. The cap of a past point counts
 * the findings seen by the scans composing it, except those marked false positive since (they never were
 * real); who triaged what when is not recorded. The last point is the live composition, exactly what the
 * badge shows. Org-scoped: another organization's domain has no trend.
 */
export async function listDomainResultTrend(
  input: { orgId: string | null; domainId: string; limit?: number },
  prisma?: Prisma,
): Promise<TrendPoint[]> {
  const db = prisma ?? (await getPrisma());
  const domain = await db.domain.findFirst({
    where: { id: input.domainId, ...(input.orgId !== null ? { organizationId: input.orgId } : {}) },
    select: { id: true, pageCount: true },
  });
  if (!domain) return [];
  const scans = (
    await db.scan.findMany({
      where: {
        domainId: domain.id,
        status: "succeeded",
        finishedAt: { not: null },
        trigger: { in: [...COUNTING_TRIGGERS] },
        maxPages: { gte: domain.pageCount },
      },
      orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
      take: FOLD_WINDOW,
      select: { id: true, pillars: true, devices: true, scores: true, finishedAt: true },
    })
  ).reverse();
  if (scans.length === 0) return [];

  // Fold forward: after each scan, every pillar points at its latest scan so far.
  const limit = input.limit ?? TREND_LIMIT;
  const current = new Map<Pillar, PillarSource>();
  const frames: { scanId: string; finishedAt: Date; sources: PillarSource[] }[] = [];
  scans.forEach((s, i) => {
    for (const pillar of s.pillars) if (scanCountsForPillar(pillar, s.devices)) current.set(pillar, { pillar, scanId: s.id, finishedAt: s.finishedAt!, scores: s.scores });
    if (i >= scans.length - limit) frames.push({ scanId: s.id, finishedAt: s.finishedAt!, sources: [...current.values()] });
  });

  // The findings each composing scan saw, per pillar and severity.
  const composing = [...new Set(frames.flatMap((f) => f.sources.map((s) => s.scanId)))];
  const rows = await db.$queryRaw<CapRow[]>`
    SELECT o."scanId", f.pillar::text AS pillar, o.severity::text AS severity, COUNT(*) AS count
    FROM "FindingOccurrence" o JOIN "Finding" f ON f.id = o."findingId"
    WHERE o."scanId" = ANY(${composing}) AND f.status <> 'false_positive'
    GROUP BY 1, 2, 3`;
  const seen = new Map<string, SeverityCounts>();
  for (const r of rows) {
    if (!(SEVERITIES as readonly string[]).includes(r.severity)) continue;
    const key = `${r.scanId}:${r.pillar}`;
    const counts = seen.get(key) ?? emptySeverityCounts();
    counts[r.severity as Severity] += Number(r.count);
    seen.set(key, counts);
  }

  const points: TrendPoint[] = frames.map((frame) => {
    const capping = emptySeverityCounts();
    for (const src of frame.sources) {
      const c = seen.get(`${src.scanId}:${src.pillar}`);
      if (c) for (const s of SEVERITIES) capping[s] += c[s];
    }
    return toPoint(frame.scanId, frame.finishedAt, composeResult({ domainId: domain.id, pageCount: domain.pageCount, sources: frame.sources, capping }));
  });
  const live = await loadDomainResult({ orgId: input.orgId, domainId: domain.id }, db);
  const last = points.at(-1);
  if (live && last) points[points.length - 1] = toPoint(last.scanId, last.finishedAt, live);
  return points.filter((p) => p.score !== null) as TrendPoint[];
}

function toPoint(scanId: string, finishedAt: Date, r: DomainResult): TrendPoint {
  const scores: Partial<Record<Pillar, number>> = {};
  for (const p of Object.values(r.pillars)) if (p.score !== null) scores[p.pillar] = p.score;
  return { scanId, finishedAt, score: r.score as number, grade: r.grade, scores };
}
