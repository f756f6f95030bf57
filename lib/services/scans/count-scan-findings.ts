import { getPrisma, type Prisma } from "@/lib/db";
import type { Pillar, Severity } from "@/lib/scanner/types";

export interface ScanFindingCount {
  pillar: Pillar;
  severity: Severity;
  count: number;
}

/** How many findings a scan saw, per pillar and effective severity. Org-scoped. */
export async function countScanFindings(input: { orgId: string; scanId: string }, prisma?: Prisma): Promise<ScanFindingCount[]> {
  const db = prisma ?? (await getPrisma());
  const groups = await db.finding.groupBy({
    by: ["pillar", "severity"],
    where: { organizationId: input.orgId, occurrences: { some: { scanId: input.scanId } } },
    _count: { _all: true },
  });
  return groups.map((g) => ({ pillar: g.pillar, severity: g.severity, count: g._count._all }));
}
