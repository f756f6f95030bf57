import { getPrisma, type Prisma } from "@/lib/db";
import type { Framework } from "@/lib/compliance/frameworks";
import { frameworkName, groupFindingsByFramework, wcagConformance, type ComplianceFinding, type RequirementGroup, type WcagConformance } from "@/lib/compliance/group-by-framework";
import type { Pillar } from "@/lib/scanner/types";
import { getScanRowOrThrow } from "../scans/get-scan";
import { domainOrigin } from "../scans/scan-target";

export interface ScanCompliance {
  scanId: string;
  framework: Framework;
  frameworkName: string;
  /** requirements with at least one failing finding, in id order */
  requirements: RequirementGroup[];
  /** findings of the scan whose rule evidences nothing in this framework */
  unmappedFindings: number;
  /** framework "wcag22" only */
  conformance: WcagConformance | null;
}

/**
 * A scan's findings grouped by the requirements of one framework (WCAG 2.2, ASVS, OWASP Top 10, GDPR/ePrivacy,
 * CWE), with the WCAG 2.2 AA conformance summary for `wcag22`. Another organization's scan is not found.
 */
export async function getScanCompliance(input: { orgId: string; scanId: string; framework: Framework }, prisma?: Prisma): Promise<ScanCompliance> {
  const db = prisma ?? (await getPrisma());
  const scan = await getScanRowOrThrow(input, db);
  const domain = await db.domain.findFirstOrThrow({ where: { id: scan.domainId, organizationId: input.orgId } });
  const rows = await db.finding.findMany({
    where: { organizationId: input.orgId, occurrences: { some: { scanId: scan.id } } },
    select: { id: true, rule: true, title: true, severity: true, status: true, pillar: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const findings: ComplianceFinding[] = rows.map((r) => ({ ...r, pillar: r.pillar as Pillar }));
  const requirements = groupFindingsByFramework(findings, input.framework);
  const mapped = new Set(requirements.flatMap((g) => g.findings.map((f) => f.id)));
  const failing = findings.filter((f) => f.status === "open" || f.status === "in_progress" || f.status === "accepted_risk");
  return {
    scanId: scan.id,
    framework: input.framework,
    frameworkName: frameworkName(input.framework),
    requirements,
    unmappedFindings: failing.filter((f) => !mapped.has(f.id)).length,
    conformance:
      input.framework === "wcag22"
        ? wcagConformance({ findings, pillars: scan.pillars as Pillar[], site: domainOrigin(domain), scannedAt: scan.finishedAt, pages: scan.pagesDone })
        : null,
  };
}
