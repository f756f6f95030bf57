import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { assertFormatFits } from "../reports/portfolio-formats";
import { nextOccurrence } from "./calendar";
import { scheduleFieldsSchema, weekdayIssue, type ScheduleFields } from "./schedule-input";
import { SCHEDULE_INCLUDE, type ScheduleWithReport } from "./schedule-rows";

/**
 * Changes a schedule (pause/resume with `enabled`). The next run is recomputed from now whenever the timing
 * changes or the schedule is resumed; a paused schedule has none. Org-scoped.
 */
export async function updateReportSchedule(
  actor: Actor,
  input: { scheduleId: string; patch: Partial<ScheduleFields>; now?: Date },
  prisma?: Prisma,
): Promise<ScheduleWithReport> {
  const db = prisma ?? (await getPrisma());
  const parsed = scheduleFieldsSchema.partial().safeParse(input.patch);
  if (!parsed.success) throw new ServiceError("invalid_params", parsed.error.issues[0]?.message ?? "Invalid schedule.", { issues: parsed.error.issues });
  // .partial() keeps the defaults of absent keys: only what the caller sent counts.
  const patch = Object.fromEntries(Object.entries(parsed.data).filter(([k]) => k in input.patch)) as Partial<ScheduleFields>;
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const current = await tx.reportSchedule.findFirst({ where: { id: input.scheduleId, organizationId: actor.orgId }, include: SCHEDULE_INCLUDE });
    if (!current) throw new ServiceError("not_found", "Schedule not found.");
    const next = { cadence: patch.cadence ?? current.cadence, day: patch.day ?? current.day, hour: patch.hour ?? current.hour, timezone: patch.timezone ?? current.timezone };
    const wd = weekdayIssue(next.cadence, next.day);
    if (wd) throw new ServiceError("invalid_params", wd, { issues: [{ path: ["body", "day"], message: wd, code: "custom" }] });
    if (patch.format) assertFormatFits(current.report.portfolioDomainIds, patch.format, "format");
    const enabled = patch.enabled ?? current.enabled;
    const timingChanged = (["cadence", "day", "hour", "timezone"] as const).some((k) => patch[k] !== undefined && patch[k] !== current[k]);
    const nextRunAt = !enabled ? null : timingChanged || !current.enabled || !current.nextRunAt ? nextOccurrence(next, now) : current.nextRunAt;
    const row = await tx.reportSchedule.update({ where: { id: current.id }, data: { ...patch, nextRunAt }, include: SCHEDULE_INCLUDE });
    const before: Record<string, string | number | boolean> = {};
    const after: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(patch)) {
      const old = current[k as keyof ScheduleFields];
      // Recipient lists are counted, not copied, into the audit log.
      before[k] = Array.isArray(old) ? old.length : old;
      after[k] = Array.isArray(v) ? v.length : (v as string | number | boolean);
    }
    const action = patch.enabled === false && current.enabled ? "report_schedule.pause" : patch.enabled === true && !current.enabled ? "report_schedule.resume" : "report_schedule.update";
    await recordAuditEvent(tx, actor, { action, targetType: "report_schedule", targetId: row.id, before, after });
    return row;
  });
}
