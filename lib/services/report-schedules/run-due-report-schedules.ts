import { getPrisma, type Prisma } from "@/lib/db";
import { flushOutbox } from "@/lib/jobs/outbox";
import type { ReportFormat } from "@/lib/reports/report-formats";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event";
import { addExportInTx } from "../reports/create-report";
import { nextOccurrence, periodKey } from "./calendar";

export const SCHEDULE_BATCH = 100;

export interface DueRunResult {
  /** schedules whose export was requested in this batch */
  started: string[];
  /** schedules already run in this period (a repeated tick): moved on, nothing sent */
  skipped: string[];
  more: boolean;
}

/**
 * One batch of due schedules (enabled, nextRunAt ≤ now), oldest first. Per schedule, one transaction: claim it
 * by moving nextRunAt forward (guarded on the value read, so two workers never both claim it), record the run
 * for its calendar period — unique per (schedule, period), so a re-run or an edit within the period never
 * sends twice — and request the export with its job in the outbox. The export job mails it when it is ready
 * (mailScheduledExport). A schedule missed for weeks runs once, then resumes its calendar.
 */
export async function runDueReportSchedules(input: { now?: Date; batch?: number } = {}, prisma?: Prisma): Promise<DueRunResult> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const batch = input.batch ?? SCHEDULE_BATCH;
  const due = await db.reportSchedule.findMany({
    where: { enabled: true, nextRunAt: { lte: now } },
    orderBy: [{ nextRunAt: "asc" }, { id: "asc" }],
    take: batch,
    include: { report: { select: { id: true, scanId: true } } },
  });
  const started: string[] = [];
  const skipped: string[] = [];
  for (const s of due) {
    const slot = s.nextRunAt as Date;
    const period = periodKey(s, slot);
    const outcome = await db.$transaction(async (tx) => {
      const claimed = await tx.reportSchedule.updateMany({
        where: { id: s.id, enabled: true, nextRunAt: slot },
        data: { nextRunAt: nextOccurrence(s, now), lastRunAt: now },
      });
      if (claimed.count === 0) return "lost" as const;
      const run = await tx.reportScheduleRun.createMany({ data: [{ scheduleId: s.id, organizationId: s.organizationId, periodKey: period }], skipDuplicates: true });
      if (run.count === 0) return "skipped" as const;
      const actor = systemActor(s.organizationId);
      const exp = await addExportInTx(tx, actor, { reportId: s.reportId, scanId: s.report.scanId, format: s.format as ReportFormat, now });
      await tx.reportScheduleRun.update({ where: { scheduleId_periodKey: { scheduleId: s.id, periodKey: period } }, data: { exportId: exp.id } });
      await recordAuditEvent(tx, actor, { action: "report_schedule.run", targetType: "report_schedule", targetId: s.id, metadata: { period, exportId: exp.id, format: s.format } });
      return "started" as const;
    });
    if (outcome === "started") started.push(s.id);
    else if (outcome === "skipped") skipped.push(s.id);
  }
  if (started.length > 0) await flushOutbox();
  return { started, skipped, more: due.length === batch };
}
