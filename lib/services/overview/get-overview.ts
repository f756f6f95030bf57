import { getPrisma, type Prisma } from "@/lib/db";
import type { SeverityCounts } from "../domain-result/compose";
import { ServiceError } from "../errors";
import { countOpenFindingsBySeverity } from "../findings/count-open-findings";
import { getPillarHeatmap, type PillarHeatmap } from "./get-pillar-heatmap";
import { getPillarTrendSeries, type PillarTrendSeries } from "./get-pillar-trend-series";
import { listCommonProblems, type CommonProblem } from "./list-common-problems";
import { listWorstPages, type WorstPage } from "./list-worst-pages";
import type { TrendRange } from "./trend-ranges";

export interface Overview {
  heatmap: PillarHeatmap;
  trend: PillarTrendSeries;
  worstPages: WorstPage[];
  commonProblems: CommonProblem[];
  /** open and in-progress findings by severity */
  openBySeverity: SeverityCounts;
}

/**
 * Everything the overview shows beyond the headline counts, for the dashboard home and `GET /overview`:
 * a fixed number of queries whatever the number of domains (sequential: on embedded PGlite they share one
 * connection anyway). A `trendDomainId` that is not one of the organization's domains is "not found".
 */
export async function getOverview(
  input: { orgId: string; range: TrendRange; trendDomainId?: string; now?: Date },
  prisma?: Prisma,
): Promise<Overview> {
  const db = prisma ?? (await getPrisma());
  if (input.trendDomainId) {
    const found = await db.domain.count({ where: { id: input.trendDomainId, organizationId: input.orgId } });
    if (found === 0) throw new ServiceError("not_found", "Domain not found.");
  }
  const heatmap = await getPillarHeatmap({ orgId: input.orgId }, db);
  const trend = await getPillarTrendSeries({ orgId: input.orgId, range: input.range, domainId: input.trendDomainId, now: input.now }, db);
  const worstPages = await listWorstPages({ orgId: input.orgId }, db);
  const commonProblems = await listCommonProblems({ orgId: input.orgId }, db);
  const openBySeverity = await countOpenFindingsBySeverity(input.orgId, db);
  return { heatmap, trend, worstPages, commonProblems, openBySeverity };
}
