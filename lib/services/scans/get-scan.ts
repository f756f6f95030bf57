import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { presentFinding, type FindingJson } from "../findings/present-finding";
import { emptySeverityCounts, presentScan, type ScanJson, type SeverityCounts } from "./present-scan";

/** Another organization's scan is indistinguishable from a missing one. */
export async function getScanRowOrThrow(input: { orgId: string; scanId: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const scan = await db.scan.findFirst({ where: { id: input.scanId, organizationId: input.orgId } });
  if (!scan) throw new ServiceError("not_found", "Scan not found.");
  return scan;
}

export interface ScanDetailJson extends ScanJson {
  findings: FindingJson[];
}

/** Cap on the findings embedded in a scan; the full list is GET /findings?scan_id=. */
export const SCAN_FINDINGS_EMBED_LIMIT = 500;

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

/** The scan with the findings recorded so far (worst first) and their counts while it is still running. */
export async function getScan(input: { orgId: string; scanId: string }, prisma?: Prisma): Promise<ScanDetailJson> {
  const db = prisma ?? (await getPrisma());
  const scan = await getScanRowOrThrow(input, db);
  const findings = await db.finding.findMany({
    where: { organizationId: input.orgId, occurrences: { some: { scanId: scan.id } } },
    take: SCAN_FINDINGS_EMBED_LIMIT,
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
  });
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  let live: SeverityCounts | undefined;
  if (!scan.summary) {
    live = emptySeverityCounts();
    for (const f of findings) live[f.severity] += 1;
  }
  return { ...presentScan(scan, live), findings: findings.map(presentFinding) };
}
