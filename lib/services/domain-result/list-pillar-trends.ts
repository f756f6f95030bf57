import { scanCountsForPillar } from "./pillar-device-rule";
import { getPrisma, type Prisma } from "@/lib/db";
import type { Pillar } from "@/lib/scanner/types";
import { composeResult, emptySeverityCounts, type PillarSource } from "./compose";
import { COUNTING_TRIGGERS } from "./counting-triggers";
import { latestPillarSources } from "./load-domain-results";

/** One domain's composed pillar scores from a moment on (until the next point). */
export interface PillarTrendPoint {
  at: Date;
  /** the counting scan that moved the composition here; null for the starting point */
  scanId: string | null;
  /** composed score per pillar; a pillar never scanned (or not applicable) by then is absent */
  scores: Partial<Record<Pillar, number>>;
}

interface WindowScan {
  id: string;
  domainId: string;
  pillars: Pillar[];
  devices: string[];
  scores: unknown;
  finishedAt: Date | null;
}

/**
 * Several domains' composed pillar scores over a window, for trend charts: per domain, a starting point at
 * `since` (the composition as it stood then) and one point per counting scan that finished in the window —
 * every pillar from the latest counting scan that covered it by then, exactly as the live result composes it.
 * Two queries plus the domains', whatever the number of domains. Org-scoped: other organizations' domains are
 * absent.
 */
export async function listPillarTrends(
  input: { orgId: string; domainIds?: string[]; since: Date; until?: Date },
  prisma?: Prisma,
): Promise<Map<string, PillarTrendPoint[]>> {
  const db = prisma ?? (await getPrisma());
  const domains = await db.domain.findMany({
    where: { organizationId: input.orgId, ...(input.domainIds ? { id: { in: [...new Set(input.domainIds)] } } : {}) },
    select: { id: true, pageCount: true },
  });
  const out = new Map<string, PillarTrendPoint[]>();
  if (domains.length === 0) return out;
  const ids = domains.map((d) => d.id);
  const pageCount = new Map(domains.map((d) => [d.id, d.pageCount]));
  const until = input.until ?? new Date();

  const baseline = await latestPillarSources(db, ids, input.since);
  const scans: WindowScan[] = await db.scan.findMany({
    where: {
      organizationId: input.orgId,
      domainId: { in: ids },
      status: "succeeded",
      trigger: { in: [...COUNTING_TRIGGERS] },
      finishedAt: { gte: input.since, lte: until },
    },
    orderBy: [{ finishedAt: "asc" }, { id: "asc" }],
    select: { id: true, domainId: true, pillars: true, devices: true, scores: true, finishedAt: true, maxPages: true },
  }).then((rows) => rows.filter((s) => s.maxPages >= (pageCount.get(s.domainId) ?? Infinity)));

  // Fold forward per domain, composing each frame with the one composition (cap-free: pillar scores only).
  const current = new Map<string, Map<Pillar, PillarSource>>();
  const frame = (domainId: string, at: Date, scanId: string | null) => {
    const sources = [...(current.get(domainId)?.values() ?? [])];
    const result = composeResult({ domainId, pageCount: pageCount.get(domainId) ?? 0, sources, capping: emptySeverityCounts() });
    const scores: Partial<Record<Pillar, number>> = {};
    for (const p of Object.values(result.pillars)) if (p.score !== null) scores[p.pillar] = p.score;
    const list = out.get(domainId) ?? [];
    list.push({ at, scanId, scores });
    out.set(domainId, list);
  };
  for (const id of ids) {
    current.set(id, new Map((baseline.get(id) ?? []).map((s) => [s.pillar, s])));
    if ((baseline.get(id) ?? []).length > 0) frame(id, input.since, null);
  }
  for (const s of scans) {
    const sources = current.get(s.domainId)!;
    for (const pillar of s.pillars) if (scanCountsForPillar(pillar, s.devices)) sources.set(pillar, { pillar, scanId: s.id, finishedAt: s.finishedAt!, scores: s.scores });
    frame(s.domainId, s.finishedAt!, s.id);
  }
  return out;
}
