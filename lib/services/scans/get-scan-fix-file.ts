import { getPrisma, type Prisma } from "@/lib/db";
import { renderSecurityFixMarkdown } from "@/lib/scanner/output/markdown";
import { getScanRowOrThrow } from "./get-scan";
import { domainOrigin } from "./scan-target";

/**
 * SECURITY-FIX.md for a scan: the findings it saw that are still to do (open or in progress — accepted
 * risks, false positives and resolved findings are left out), with people's severity overrides applied,
 * rendered by the scanner's own renderer so the CLI's `--md` and the API agree on the format.
 */
export async function getScanFixFile(
  input: { orgId: string; scanId: string; now?: Date },
  prisma?: Prisma,
): Promise<{ filename: string; markdown: string }> {
  const db = prisma ?? (await getPrisma());
  const scan = await getScanRowOrThrow(input, db);
  const domain = await db.domain.findUniqueOrThrow({ where: { id: scan.domainId } });
  const findings = await db.finding.findMany({
    where: {
      organizationId: input.orgId,
      status: { in: ["open", "in_progress"] },
      occurrences: { some: { scanId: scan.id } },
    },
  });
  const markdown = renderSecurityFixMarkdown(findings, {
    target: domainOrigin(domain),
    grade: scan.grade ?? "n/a",
    security_grade: scan.securityGrade ?? undefined,
    generated_at: (input.now ?? new Date()).toISOString(),
  });
  const host = domain.host.replace(/[^a-z0-9.-]+/gi, "-");
  return { filename: `SECURITY-FIX-${host}-${scan.id}.md`, markdown };
}
