import { getPrisma, type Prisma } from "@/lib/db";
import { emptySeverityCounts, type SeverityCounts } from "../scans/scan-status";

/** Open and in-progress findings of an organization per effective severity. */
export async function countOpenFindingsBySeverity(orgId: string, prisma?: Prisma): Promise<SeverityCounts> {
  const db = prisma ?? (await getPrisma());
  const groups = await db.finding.groupBy({
    by: ["severity"],
    where: { organizationId: orgId, status: { in: ["open", "in_progress"] } },
    _count: { _all: true },
  });
  const counts = emptySeverityCounts();
  for (const g of groups) counts[g.severity] = g._count._all;
  return counts;
}
