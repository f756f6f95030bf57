"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { DEFAULT_REPORT_SECTIONS } from "@/lib/reports/model";
import { PORTFOLIO_FORMATS, REPORT_FORMATS } from "@/lib/reports/report-formats";
import { createReportSchedule } from "@/lib/services/report-schedules/create-report-schedule";
import { deleteReportSchedule } from "@/lib/services/report-schedules/delete-report-schedule";
import { updateReportSchedule } from "@/lib/services/report-schedules/update-report-schedule";
import { createReport } from "@/lib/services/reports/create-report";
import { requestReportExport } from "@/lib/services/reports/request-report-export";
import { authorizeDashboard } from "../access";
import { failure, forbidden, type ActionFailure } from "../domains/writer";

export type CreateReportState = { ok: true; reportId: string } | ActionFailure | null;

const createForm = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("portfolio"),
    domainIds: z.array(z.string().min(1).max(64)).min(2, "Pick at least two domains.").max(25, "Pick at most 25 domains."),
    format: z.enum(PORTFOLIO_FORMATS),
    title: z.string().trim().max(200).optional(),
  }),
  z.object({ source: z.literal("scan"), scanId: z.string().min(1, "Pick a scan.").max(64), format: z.enum(REPORT_FORMATS), title: z.string().trim().max(200).optional() }),
  z.object({ source: z.literal("domain"), domainId: z.string().min(1, "Pick a domain.").max(64), format: z.enum(REPORT_FORMATS), title: z.string().trim().max(200).optional() }),
]);

/** "New report" and "Create report": the same createReport as POST /api/v1/reports. */
export async function createReportAction(orgSlug: string, _prev: CreateReportState, form: FormData): Promise<CreateReportState> {
  const writer = await authorizeDashboard(orgSlug, "reports:write");
  if (!writer.ok) return forbidden(writer);
  const value = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  const parsed = createForm.safeParse({
    source: value("source"),
    scanId: value("scanId"),
    domainId: value("domainId"),
    domainIds: form.getAll("domainIds").filter((v): v is string => typeof v === "string" && v !== ""),
    format: value("format"),
    title: value("title"),
  });
  if (!parsed.success) return { ok: false, code: "invalid_params", message: parsed.error.issues[0]?.message ?? "Invalid report settings." };
  const d = parsed.data;
  try {
    const report = await createReport(writer.actor, {
      ...(d.source === "scan" ? { scanId: d.scanId } : d.source === "domain" ? { domainId: d.domainId } : { domainIds: d.domainIds }),
      format: d.format,
      title: d.title || undefined,
      sections: form.get("compliance") === "1" ? [...DEFAULT_REPORT_SECTIONS, "compliance"] : undefined,
    });
    revalidatePath(`/o/${orgSlug}/reports`);
    return { ok: true, reportId: report.id };
  } catch (err) {
    return failure(err);
  }
}

export type ExportReportState = { ok: true } | ActionFailure | null;

/** Another format of a saved report (POST /api/v1/reports/{id}/exports). */
export async function exportReportAction(orgSlug: string, reportId: string, _prev: ExportReportState, form: FormData): Promise<ExportReportState> {
  const writer = await authorizeDashboard(orgSlug, "reports:write");
  if (!writer.ok) return forbidden(writer);
  const format = z.enum(REPORT_FORMATS).safeParse(form.get("format"));
  if (!format.success) return { ok: false, code: "invalid_params", message: "Pick a format." };
  try {
    await requestReportExport(writer.actor, { reportId, format: format.data });
    revalidatePath(`/o/${orgSlug}/reports`, "layout");
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

export type CreateScheduleState = { ok: true; scheduleId: string } | ActionFailure | null;

const scheduleForm = z.object({
  cadence: z.enum(["weekly", "monthly"]),
  day: z.coerce.number().int().min(1).max(28),
  hour: z.coerce.number().int().min(0).max(23),
  timezone: z.string().trim().min(1).max(64),
  format: z.enum(REPORT_FORMATS),
  recipients: z.string().max(20 * 260),
});

/** "Schedule" on a report: the same createReportSchedule as POST /api/v1/reports/{id}/schedules. */
export async function createScheduleAction(orgSlug: string, reportId: string, _prev: CreateScheduleState, form: FormData): Promise<CreateScheduleState> {
  const writer = await authorizeDashboard(orgSlug, "reports:write");
  if (!writer.ok) return forbidden(writer);
  const cadence = form.get("cadence");
  const parsed = scheduleForm.safeParse({
    cadence,
    day: form.get(cadence === "monthly" ? "monthDay" : "weekDay"),
    hour: form.get("hour"),
    timezone: form.get("timezone"),
    format: form.get("format"),
    recipients: form.get("recipients") ?? "",
  });
  if (!parsed.success) return { ok: false, code: "invalid_params", message: parsed.error.issues[0]?.message ?? "Invalid schedule." };
  const d = parsed.data;
  try {
    const row = await createReportSchedule(writer.actor, {
      reportId,
      cadence: d.cadence,
      day: d.day,
      hour: d.hour,
      timezone: d.timezone,
      format: d.format,
      // One address per line or separated by commas/semicolons.
      recipients: d.recipients.split(/[\s,;]+/).filter(Boolean),
    });
    revalidatePath(`/o/${orgSlug}/reports`, "layout");
    return { ok: true, scheduleId: row.id };
  } catch (err) {
    return failure(err);
  }
}

/** Pause or resume from the schedules list (a plain form: works without JavaScript). */
export async function setScheduleEnabledAction(orgSlug: string, scheduleId: string, enabled: boolean): Promise<void> {
  const writer = await authorizeDashboard(orgSlug, "reports:write");
  if (!writer.ok) return;
  await updateReportSchedule(writer.actor, { scheduleId, patch: { enabled } }).catch((err: unknown) => void failure(err));
  revalidatePath(`/o/${orgSlug}/reports`, "layout");
}

export async function deleteScheduleAction(orgSlug: string, scheduleId: string): Promise<void> {
  const writer = await authorizeDashboard(orgSlug, "reports:write");
  if (!writer.ok) return;
  await deleteReportSchedule(writer.actor, { scheduleId }).catch((err: unknown) => void failure(err));
  revalidatePath(`/o/${orgSlug}/reports`, "layout");
}
