import { getPrisma, type Prisma } from "@/lib/db";
import { loadDomainResults } from "../domain-result/load-domain-results";

// Small read models for the dashboard shell's list pages: the most recent rows of an organization, only the
// columns those pages show. The full lists (filters, cursors) belong to the domain services.

export const RECENT_LIMIT = 50;

export async function listRecentDomains(organizationId: string, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const domains = await db.domain.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take: RECENT_LIMIT,
    select: { id: true, host: true, scheme: true, verifiedAt: true, schedule: true, createdAt: true },
  });
  // Grade and score from the composed result (lib/services/domain-result), like everywhere else.
  const results = await loadDomainResults({ orgId: organizationId, domainIds: domains.map((d) => d.id) }, db);
  return domains.map((d) => ({ ...d, lastGrade: results.get(d.id)?.grade ?? null, lastScore: results.get(d.id)?.score ?? null }));
}

export async function listRecentScans(organizationId: string, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  return db.scan.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take: RECENT_LIMIT,
    select: {
      id: true,
      status: true,
      trigger: true,
      grade: true,
      score: true,
      pagesDone: true,
      createdAt: true,
      domain: { select: { host: true } },
    },
  });
}

export async function listRecentFindings(organizationId: string, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  return db.finding.findMany({
    where: { organizationId },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: RECENT_LIMIT,
    select: {
      id: true,
      title: true,
      pillar: true,
      severity: true,
      status: true,
      lastSeenAt: true,
      domain: { select: { host: true } },
    },
  });
}

export async function listRecentReports(organizationId: string, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  return db.reportExport.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take: RECENT_LIMIT,
    select: { id: true, format: true, status: true, sizeBytes: true, createdAt: true, scan: { select: { domain: { select: { host: true } } } } },
  });
}
