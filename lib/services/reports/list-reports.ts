import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";
import { REPORT_INCLUDE, type ReportWithExports } from "./report-rows";

/** Exports listed with each report (newest first); older ones are on GET /reports/{id}. */
export const EXPORTS_PER_REPORT_IN_LIST = 10;

/** Newest first, keyset-paginated, org-scoped, each with its latest exports and its domain's host. */
export async function listReports(
  input: { orgId: string; limit: number; cursor?: string; domainId?: string },
  prisma?: Prisma,
): Promise<{ items: ReportWithExports[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  const page = pageQuery(input);
  const rows = await db.report.findMany({
    ...page,
    where: { AND: [{ organizationId: input.orgId }, input.domainId ? { domainId: input.domainId } : {}, page.where] },
    include: { ...REPORT_INCLUDE, exports: { ...REPORT_INCLUDE.exports, take: EXPORTS_PER_REPORT_IN_LIST } },
  });
  return pageOf(rows, input.limit);
}
