import { getPrisma, type Prisma } from "@/lib/db";
import { flushOutbox } from "@/lib/jobs/outbox";
import type { ReportFormat } from "@/lib/reports/render";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { addExportInTx } from "./create-report";
import { assertFormatFits } from "./portfolio-formats";
import { REPORT_INCLUDE, type ReportWithExports } from "./report-rows";

/** Another export (any format) of a saved report. Org-scoped. */
export async function requestReportExport(actor: Actor, input: { reportId: string; format: ReportFormat }, prisma?: Prisma): Promise<ReportWithExports> {
  const db = prisma ?? (await getPrisma());
  const report = await db.report.findFirst({ where: { id: input.reportId, organizationId: actor.orgId } });
  if (!report) throw new ServiceError("not_found", "Report not found.");
  assertFormatFits(report.portfolioDomainIds, input.format, "format");
  const out = await db.$transaction(async (tx) => {
    const created = await addExportInTx(tx, actor, { reportId: report.id, scanId: report.scanId, format: input.format });
    await recordAuditEvent(tx, actor, { action: "report.export", targetType: "report", targetId: report.id, metadata: { format: input.format, exportId: created.id } });
    return tx.report.findUniqueOrThrow({ where: { id: report.id }, include: REPORT_INCLUDE });
  });
  await flushOutbox();
  return out;
}
