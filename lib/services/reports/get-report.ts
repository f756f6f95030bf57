import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { REPORT_INCLUDE, type ReportWithExports } from "./report-rows";

/** A report with all its exports, newest first. Another organization's report is not found. */
export async function getReport(input: { orgId: string; reportId: string }, prisma?: Prisma): Promise<ReportWithExports> {
  const db = prisma ?? (await getPrisma());
  const report = await db.report.findFirst({
    where: { id: input.reportId, organizationId: input.orgId },
    include: REPORT_INCLUDE,
  });
  if (!report) throw new ServiceError("not_found", "Report not found.");
  return report;
}
