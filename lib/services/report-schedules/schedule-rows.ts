import type { ReportSchedule } from "@/generated/prisma/client";

/** What every schedule read includes: the report's title and kind, for lists and mails. */
export const SCHEDULE_INCLUDE = {
  report: { select: { id: true, title: true, portfolioDomainIds: true, domain: { select: { host: true } } } },
};

export type ScheduleWithReport = ReportSchedule & {
  report: { id: string; title: string; portfolioDomainIds: string[]; domain: { host: string } };
};
