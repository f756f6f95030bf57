import { getPrisma, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { dispatchMail } from "../mail/dispatch-mail";
import { appUrl } from "../mail/app-url";
import { queueMail } from "../mail/queue-mail";
import { scheduledReportMail } from "../mail/templates";
import { describeSchedule } from "./calendar";
import { reportFileUrl } from "./file-link";

/** Files up to PLUMB_REPORT_MAIL_ATTACHMENT_MAX_MB are attached; bigger ones are linked. */
export function attachmentLimitBytes(): number {
  return Math.floor(env().PLUMB_REPORT_MAIL_ATTACHMENT_MAX_MB * 1024 * 1024);
}

/**
 * The last step of an export a schedule asked for: one e-mail per recipient, the file attached (read from
 * storage at delivery) or linked when larger than the attachment limit. The run moves exporting → sent in the
 * same transaction as the mails, so a repeated step sends nothing twice. An export no schedule asked for: no-op.
 */
export async function mailScheduledExport(input: { orgId: string; exportId: string }, prisma?: Prisma): Promise<{ mailed: number; delivery: "attachment" | "link" | null }> {
  const db = prisma ?? (await getPrisma());
  const run = await db.reportScheduleRun.findFirst({
    where: { exportId: input.exportId, organizationId: input.orgId, status: "exporting" },
    include: { schedule: { include: { organization: { select: { name: true, slug: true } }, report: { select: { id: true, title: true } } } } },
  });
  if (!run) return { mailed: 0, delivery: null };
  const exp = await db.reportExport.findFirst({ where: { id: input.exportId, organizationId: input.orgId, status: "succeeded" } });
  if (!exp || exp.sizeBytes === null) return { mailed: 0, delivery: null };
  const s = run.schedule;
  const delivery = exp.sizeBytes <= attachmentLimitBytes() ? ("attachment" as const) : ("link" as const);
  const content = scheduledReportMail({
    orgName: s.organization.name,
    reportTitle: s.report.title,
    schedule: describeSchedule(s),
    format: exp.format,
    filename: exp.filename ?? `report.${exp.format}`,
    sizeBytes: exp.sizeBytes,
    downloadLink: delivery === "link" && exp.expiresAt ? reportFileUrl(exp.id, exp.expiresAt) : null,
    expiresAt: exp.expiresAt,
    reportLink: appUrl(`/o/${s.organization.slug}/reports/${s.report.id}`),
  });
  const mailIds = await db.$transaction(async (tx) => {
    const moved = await tx.reportScheduleRun.updateMany({ where: { id: run.id, status: "exporting" }, data: { status: "sent", delivery, mailedAt: new Date() } });
    if (moved.count === 0) return [];
    const ids: string[] = [];
    for (const to of s.recipients) {
      const m = await queueMail({
        tx,
        kind: "organization",
        organizationId: s.organizationId,
        template: "scheduled-report",
        to,
        subject: content.subject,
        text: content.text,
        html: content.html,
        ...(delivery === "attachment" ? { attachmentExportId: exp.id } : {}),
      });
      ids.push(m.id);
    }
    await tx.reportSchedule.update({ where: { id: s.id }, data: { lastError: null } });
    return ids;
  });
  await dispatchMail({ mailIds });
  return { mailed: mailIds.length, delivery };
}

/** The export a schedule asked for failed for good: the run and the schedule say so (shown in the Reports tab). */
export async function failScheduledExport(input: { orgId: string; exportId: string; error: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  const run = await db.reportScheduleRun.findFirst({ where: { exportId: input.exportId, organizationId: input.orgId, status: "exporting" } });
  if (!run) return;
  const error = input.error.slice(0, 500);
  await db.$transaction([
    db.reportScheduleRun.update({ where: { id: run.id }, data: { status: "failed", error } }),
    db.reportSchedule.update({ where: { id: run.scheduleId }, data: { lastError: error } }),
  ]);
}
