import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { SCHEDULE_INCLUDE, type ScheduleWithReport } from "./schedule-rows";

/** One schedule; another organization's is not found. */
export async function getReportSchedule(input: { orgId: string; scheduleId: string }, prisma?: Prisma): Promise<ScheduleWithReport> {
  const db = prisma ?? (await getPrisma());
  const row = await db.reportSchedule.findFirst({ where: { id: input.scheduleId, organizationId: input.orgId }, include: SCHEDULE_INCLUDE });
  if (!row) throw new ServiceError("not_found", "Schedule not found.");
  return row;
}
