import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "../pagination";
import { ServiceError } from "../errors";
import { SCHEDULE_INCLUDE, type ScheduleWithReport } from "./schedule-rows";

/** Newest first, keyset-paginated, org-scoped; of one report when `reportId` is given (404 if not this org's). */
export async function listReportSchedules(
  input: { orgId: string; limit: number; cursor?: string; reportId?: string },
  prisma?: Prisma,
): Promise<{ items: ScheduleWithReport[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  if (input.reportId !== undefined) {
    const report = await db.report.findFirst({ where: { id: input.reportId, organizationId: input.orgId }, select: { id: true } });
    if (!report) throw new ServiceError("not_found", "Report not found.");
  }
  const page = pageQuery(input);
  const rows = await db.reportSchedule.findMany({
    ...page,
    where: { AND: [{ organizationId: input.orgId }, input.reportId ? { reportId: input.reportId } : {}, page.where] },
    include: SCHEDULE_INCLUDE,
  });
  return pageOf(rows, input.limit);
}
