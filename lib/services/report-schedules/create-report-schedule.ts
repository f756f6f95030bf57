import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { assertFormatFits } from "../reports/portfolio-formats";
import { nextOccurrence } from "./calendar";
import { MAX_SCHEDULES_PER_REPORT, scheduleFieldsSchema, weekdayIssue, type ScheduleFields } from "./schedule-input";
import { SCHEDULE_INCLUDE, type ScheduleWithReport } from "./schedule-rows";

function invalid(message: string, path: string): ServiceError {
  return new ServiceError("invalid_params", message, { issues: [{ path: ["body", path], message, code: "custom" }] });
}

/**
 * Mails a saved report on a calendar. Org-scoped: another organization's report is not found. The first run
 * is the next occurrence after now (never the past).
 */
export async function createReportSchedule(
  actor: Actor,
  input: { reportId: string; now?: Date } & Partial<ScheduleFields> & Pick<ScheduleFields, "cadence" | "day" | "recipients">,
  prisma?: Prisma,
): Promise<ScheduleWithReport> {
  const db = prisma ?? (await getPrisma());
  const { reportId, now: at, ...raw } = input;
  const parsed = scheduleFieldsSchema.safeParse(raw);
  if (!parsed.success) throw new ServiceError("invalid_params", parsed.error.issues[0]?.message ?? "Invalid schedule.", { issues: parsed.error.issues });
  const fields = parsed.data;
  const wd = weekdayIssue(fields.cadence, fields.day);
  if (wd) throw invalid(wd, "day");
  const report = await db.report.findFirst({ where: { id: reportId, organizationId: actor.orgId }, select: { id: true, portfolioDomainIds: true } });
  if (!report) throw new ServiceError("not_found", "Report not found.");
  assertFormatFits(report.portfolioDomainIds, fields.format, "format");
  const now = at ?? new Date();
  const out = await db.$transaction(async (tx) => {
    const count = await tx.reportSchedule.count({ where: { reportId: report.id, organizationId: actor.orgId } });
    if (count >= MAX_SCHEDULES_PER_REPORT) throw new ServiceError("conflict", `A report has at most ${MAX_SCHEDULES_PER_REPORT} schedules.`);
    const row = await tx.reportSchedule.create({
      data: {
        organizationId: actor.orgId,
        reportId: report.id,
        ...fields,
        nextRunAt: fields.enabled ? nextOccurrence(fields, now) : null,
        createdById: actor.userId,
        apiKeyId: actor.apiKeyId,
      },
      include: SCHEDULE_INCLUDE,
    });
    await recordAuditEvent(tx, actor, {
      action: "report_schedule.create",
      targetType: "report_schedule",
      targetId: row.id,
      after: { reportId: report.id, cadence: row.cadence, day: row.day, hour: row.hour, timezone: row.timezone, format: row.format, recipients: row.recipients.length, enabled: row.enabled },
    });
    return row;
  });
  return out;
}
