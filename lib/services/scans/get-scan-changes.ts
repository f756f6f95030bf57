import { getPrisma, type Prisma } from "@/lib/db";
import type { Finding } from "@/generated/prisma/client";
import { getScanRowOrThrow } from "./get-scan";

export const SCAN_CHANGES_LIMIT = 200;

export interface ScanChanges {
  /** the domain's previous succeeded scan, or null when this is the first */
  previousScanId: string | null;
  /** seen by this scan, not by the previous one */
  added: Finding[];
  /** seen by the previous scan on a pillar this scan also covered, not by this one */
  fixed: Finding[];
}

/**
 * "New vs fixed since the last scan" for one scan, comparing the findings each scan saw. A pillar the
 * current scan did not cover cannot have fixed anything, so those are left out of `fixed`. Org-scoped.
 */
export async function getScanChanges(input: { orgId: string; scanId: string }, prisma?: Prisma): Promise<ScanChanges> {
  const db = prisma ?? (await getPrisma());
  const scan = await getScanRowOrThrow(input, db);
  const previous = await db.scan.findFirst({
    where: { organizationId: input.orgId, domainId: scan.domainId, status: "succeeded", createdAt: { lt: scan.createdAt } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (!previous) return { previousScanId: null, added: [], fixed: [] };
  const base = { organizationId: input.orgId, domainId: scan.domainId };
  const added = await db.finding.findMany({
    where: { ...base, occurrences: { some: { scanId: scan.id }, none: { scanId: previous.id } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: SCAN_CHANGES_LIMIT,
  });
  const fixed = await db.finding.findMany({
    where: { ...base, pillar: { in: scan.pillars }, occurrences: { some: { scanId: previous.id }, none: { scanId: scan.id } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: SCAN_CHANGES_LIMIT,
  });
  return { previousScanId: previous.id, added, fixed };
}
