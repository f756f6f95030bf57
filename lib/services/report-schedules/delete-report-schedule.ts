import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";

/** Stops and forgets a schedule (its past runs go with it; the exports it made stay on the report). Org-scoped. */
export async function deleteReportSchedule(actor: Actor, input: { scheduleId: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  await db.$transaction(async (tx) => {
    const row = await tx.reportSchedule.findFirst({ where: { id: input.scheduleId, organizationId: actor.orgId } });
    if (!row) throw new ServiceError("not_found", "Schedule not found.");
    await tx.reportSchedule.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, actor, {
      action: "report_schedule.delete",
      targetType: "report_schedule",
      targetId: row.id,
      before: { reportId: row.reportId, cadence: row.cadence, format: row.format, recipients: row.recipients.length, enabled: row.enabled },
    });
  });
}
