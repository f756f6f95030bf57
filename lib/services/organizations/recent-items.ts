import { getPrisma, type Prisma } from "@/lib/db";

// Small read models for the dashboard shell's list pages: the most recent rows of an organization, only the
// columns those pages show. The full lists (filters, cursors) belong to the domain services.

export const RECENT_LIMIT = 50;

export async function listRecentDomains(organizationId: string, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  return db.domain.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take: RECENT_LIMIT,
    select: { id: true, host: true, scheme: true, verifiedAt: true, schedule: true, lastGrade: true, lastScore: true, createdAt: true },
  });
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
