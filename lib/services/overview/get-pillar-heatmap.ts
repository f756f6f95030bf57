import { getPrisma, type Prisma } from "@/lib/db";
import { PILLARS, type Pillar } from "@/lib/scanner/types";
import type { PillarState } from "../domain-result/compose";
import { loadDomainResults } from "../domain-result/load-domain-results";

export interface HeatmapCell {
  state: PillarState;
  score: number | null;
  scanId: string | null;
}

export interface HeatmapRow {
  domainId: string;
  host: string;
  verified: boolean;
  score: number | null;
  grade: string | null;
  pillars: Record<Pillar, HeatmapCell>;
}

export interface PillarHeatmap {
  rows: HeatmapRow[];
  /** the organization's domains in all; rows holds at most `limit` of them */
  total: number;
}

export const HEATMAP_LIMIT = 50;

/**
 * Every domain's composed pillar scores (the same composition as the badge and the domain page), worst overall
 * score first so an agency sees where to look; domains without any score last, then by host. One composition
 * call for all domains.
 */
export async function getPillarHeatmap(input: { orgId: string; limit?: number }, prisma?: Prisma): Promise<PillarHeatmap> {
  const db = prisma ?? (await getPrisma());
  const domains = await db.domain.findMany({
    where: { organizationId: input.orgId },
    select: { id: true, host: true, verifiedAt: true },
    orderBy: { host: "asc" },
  });
  const results = await loadDomainResults({ orgId: input.orgId, domainIds: domains.map((d) => d.id) }, db);
  const rows: HeatmapRow[] = domains.map((d) => {
    const r = results.get(d.id);
    const pillars = {} as Record<Pillar, HeatmapCell>;
    for (const p of PILLARS) {
      const c = r?.pillars[p];
      pillars[p] = { state: c?.state ?? "never_scanned", score: c?.score ?? null, scanId: c?.scanId ?? null };
    }
    return { domainId: d.id, host: d.host, verified: d.verifiedAt !== null, score: r?.score ?? null, grade: r?.grade ?? null, pillars };
  });
  rows.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.host.localeCompare(b.host));
  return { rows: rows.slice(0, input.limit ?? HEATMAP_LIMIT), total: rows.length };
}
