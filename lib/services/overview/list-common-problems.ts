import { getPrisma, type Prisma } from "@/lib/db";
import { SEVERITIES, type Pillar, type Severity } from "@/lib/scanner/types";

export interface CommonProblem {
  rule: string;
  pillar: Pillar;
  title: string;
  /** the worst severity among its open findings */
  severity: Severity;
  /** domains with an open (or in progress) finding of this rule */
  domains: number;
  findings: number;
  /** pages and elements where it was seen, over all those findings */
  instances: number;
}

interface Row {
  rule: string;
  pillar: string;
  title: string;
  severityRank: number;
  domains: number | bigint;
  findings: number | bigint;
  instances: number | bigint | null;
}

export const COMMON_PROBLEMS_LIMIT = 10;

/**
 * The rules that still need work on the most domains (open or in progress), then on the most pages: what an
 * agency fixes once in its templates for every client. One grouped query over the organization's findings.
 */
export async function listCommonProblems(input: { orgId: string; limit?: number }, prisma?: Prisma): Promise<CommonProblem[]> {
  const db = prisma ?? (await getPrisma());
  const limit = Math.max(1, Math.min(100, input.limit ?? COMMON_PROBLEMS_LIMIT));
  const order = [...SEVERITIES];
  const rows = await db.$queryRaw<Row[]>`
    SELECT f.rule, f.pillar::text AS pillar, MIN(f.title) AS title,
           MIN(array_position(${order}::text[], f.severity::text)) AS "severityRank",
           COUNT(DISTINCT f."domainId") AS domains, COUNT(*) AS findings,
           SUM(GREATEST(f."instancesCount", 1)) AS instances
    FROM "Finding" f
    WHERE f."organizationId" = ${input.orgId} AND f.status IN ('open', 'in_progress')
    GROUP BY f.rule, f.pillar
    ORDER BY domains DESC, instances DESC, "severityRank" ASC, f.rule
    LIMIT ${limit}`;
  return rows.map((r) => ({
    rule: r.rule,
    pillar: r.pillar as Pillar,
    title: r.title,
    severity: order[Math.max(0, Number(r.severityRank) - 1)] ?? "info",
    domains: Number(r.domains),
    findings: Number(r.findings),
    instances: Number(r.instances ?? 0),
  }));
}
