import type { Finding, Scan } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { bySeverity } from "../findings/finding-status";
import { emptySeverityCounts, type SeverityCounts } from "./scan-status";

/** Another organization's scan is indistinguishable from a missing one. */
export async function getScanRowOrThrow(input: { orgId: string; scanId: string }, prisma?: Prisma): Promise<Scan> {
  const db = prisma ?? (await getPrisma());
  const scan = await db.scan.findFirst({ where: { id: input.scanId, organizationId: input.orgId } });
  if (!scan) throw new ServiceError("not_found", "Scan not found.");
  return scan;
}

/** Cap on the findings embedded in a scan; the full list is GET /findings?scan_id=. */
export const SCAN_FINDINGS_EMBED_LIMIT = 500;

export interface ScanDetail {
  scan: Scan;
  /** seen by this scan so far, worst first */
  findings: Finding[];
  /** counts while the scan has no final summary yet */
  liveSummary?: SeverityCounts;
  /** the findings of this scan that depend on the device, with the devices whose loads showed them */
  deviceFindings: { findingId: string; devices: string[] }[];
}

export async function getScan(input: { orgId: string; scanId: string }, prisma?: Prisma): Promise<ScanDetail> {
  const db = prisma ?? (await getPrisma());
  const scan = await getScanRowOrThrow(input, db);
  const findings = await db.finding.findMany({
    where: { organizationId: input.orgId, occurrences: { some: { scanId: scan.id } } },
    take: SCAN_FINDINGS_EMBED_LIMIT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  findings.sort(bySeverity);
  const tagged = await db.findingOccurrence.findMany({
    where: { scanId: scan.id, devices: { isEmpty: false }, finding: { organizationId: input.orgId } },
    select: { findingId: true, devices: true },
    orderBy: { findingId: "asc" },
  });
  const deviceFindings = tagged.map((t) => ({ findingId: t.findingId, devices: t.devices }));
  if (scan.summary) return { scan, findings, deviceFindings };
  const liveSummary = emptySeverityCounts();
  for (const f of findings) liveSummary[f.severity] += 1;
  return { scan, findings, liveSummary, deviceFindings };
}
