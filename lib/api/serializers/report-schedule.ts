import type { z } from "zod";
import type { reportScheduleSchema } from "@/lib/api/contract/report-schedules";
import { describeSchedule } from "@/lib/services/report-schedules/calendar";
import type { ScheduleWithReport } from "@/lib/services/report-schedules/schedule-rows";

export function serializeReportSchedule(s: ScheduleWithReport): z.input<typeof reportScheduleSchema> {
  return {
    id: s.id,
    report_id: s.reportId,
    report_title: s.report.title,
    cadence: s.cadence,
    day: s.day,
    hour: s.hour,
    timezone: s.timezone,
    description: describeSchedule(s),
    format: s.format,
    recipients: s.recipients,
    enabled: s.enabled,
    next_run_at: s.nextRunAt?.toISOString() ?? null,
    last_run_at: s.lastRunAt?.toISOString() ?? null,
    last_error: s.lastError,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}
