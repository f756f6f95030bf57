import { getPrisma, type Prisma } from "@/lib/db";

export const SCAN_PAGES_LIMIT = 100;

/** The pages a scan visited (URL, HTTP status, outcome, title as the site sent it, lab metrics, findings by severity). Org-scoped via the scan. */
export async function listScanPages(input: { orgId: string; scanId: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  return db.scanPage.findMany({
    where: { scanId: input.scanId, scan: { organizationId: input.orgId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: SCAN_PAGES_LIMIT,
    select: {
      id: true, url: true, status: true, outcome: true, error: true, title: true, loadMs: true, bytes: true,
      ttfbMs: true, fcpMs: true, lcpMs: true, tbtMs: true, cls: true, requests: true, perfScore: true, robotsBlocked: true, severities: true, deviceMetrics: true,
    },
  });
}
