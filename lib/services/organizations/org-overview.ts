import { getPrisma, type Prisma } from "@/lib/db";

export interface OrgOverview {
  domains: number;
  verifiedDomains: number;
  scans: number;
  openFindings: number;
  reports: number;
}

/** Headline counts for an organization's dashboard home (all org-scoped, index-backed counts). */
export async function getOrgOverview(organizationId: string, prisma?: Prisma): Promise<OrgOverview> {
  const db = prisma ?? (await getPrisma());
  // Sequential on purpose: on embedded PGlite every query shares one connection anyway.
  const domains = await db.domain.count({ where: { organizationId } });
  const verifiedDomains = await db.domain.count({ where: { organizationId, verifiedAt: { not: null } } });
  const scans = await db.scan.count({ where: { organizationId } });
  const openFindings = await db.finding.count({ where: { organizationId, status: { in: ["open", "in_progress"] } } });
  const reports = await db.reportExport.count({ where: { organizationId } });
  return { domains, verifiedDomains, scans, openFindings, reports };
}
