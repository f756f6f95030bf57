import type { Prisma } from "@/lib/db";
import { listDomainResultTrend, TREND_LIMIT, type TrendPoint } from "../domain-result/list-domain-result-trend";

export const SCORE_HISTORY_LIMIT = TREND_LIMIT;

export type ScoreHistoryPoint = TrendPoint;

/**
 * A domain's score over time, oldest first: the composed result as of each counting scan (a 2-pillar scan
 * moves only its two pillars). Org-scoped. Kept as the dashboard's entry point; the rule lives in
 * lib/services/domain-result/list-domain-result-trend.ts.
 */
export async function listDomainScoreHistory(
  input: { orgId: string; domainId: string; limit?: number },
  prisma?: Prisma,
): Promise<ScoreHistoryPoint[]> {
  return listDomainResultTrend(input, prisma);
}
