import { getPrisma, type Prisma } from "@/lib/db";
import { SEVERITIES, type Pillar, type Severity } from "@/lib/scanner/types";
import type { DomainResult } from "../domain-result/compose";
import { CAPPING_STATUSES } from "../domain-result/counting-triggers";
import { loadDomainResult } from "../domain-result/load-domain-results";
import { listDomainResultTrend, type TrendPoint } from "../domain-result/list-domain-result-trend";

const MAX_FINDINGS_LISTED = 100;

export interface DirectoryFinding {
  title: string;
  severity: Severity;
  pillar: Pillar;
}

export interface DirectoryDomainPage {
  domain: { id: string; host: string; scheme: "http" | "https"; organizationName: string | null; description: string | null };
  result: DomainResult;
  trend: TrendPoint[];
  /** only when the owner opted in: titles, severities and counts of the open findings — never evidence */
  findings: { total: number; bySeverity: Record<Severity, number>; items: DirectoryFinding[] } | null;
}

/**
 * A listed domain's public page, by host (as stored, e.g. "localhost:8080"). Null when no verified, opted-in
 * domain has that host. Two organizations may both have verified the same host; the latest verification wins.
 */
export async function getDirectoryDomain(input: { host: string }, prisma?: Prisma): Promise<DirectoryDomainPage | null> {
  const db = prisma ?? (await getPrisma());
  const host = input.host.trim().toLowerCase().slice(0, 300);
  if (!host) return null;
  const domain = await db.domain.findFirst({
    where: { host, directoryEnabled: true, verifiedAt: { not: null } },
    orderBy: [{ verifiedAt: "desc" }, { id: "asc" }],
    select: { id: true, host: true, scheme: true, organizationName: true, description: true, directoryShowFindings: true },
  });
  if (!domain) return null;
  const result = await loadDomainResult({ orgId: null, domainId: domain.id }, db);
  if (!result) return null;
  const trend = await listDomainResultTrend({ orgId: null, domainId: domain.id }, db);
  let findings: DirectoryDomainPage["findings"] = null;
  if (domain.directoryShowFindings) {
    const rows = await db.finding.findMany({
      where: { domainId: domain.id, status: { in: [...CAPPING_STATUSES] } },
      select: { title: true, severity: true, pillar: true },
    });
    const rank = (s: Severity) => SEVERITIES.indexOf(s);
    rows.sort((a, b) => rank(a.severity) - rank(b.severity) || a.title.localeCompare(b.title));
    const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, info: 0 } as Record<Severity, number>;
    for (const r of rows) bySeverity[r.severity] += 1;
    findings = { total: rows.length, bySeverity, items: rows.slice(0, MAX_FINDINGS_LISTED) };
  }
  const { directoryShowFindings: _optIn, ...pub } = domain;
  return { domain: pub, result, trend, findings };
}
