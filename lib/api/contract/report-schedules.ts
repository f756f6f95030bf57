import { z } from "zod";
import { REPORT_FORMATS } from "@/lib/reports/report-formats";
import { MAX_SCHEDULE_RECIPIENTS } from "@/lib/services/report-schedules/schedule-input";
import { scheduleFieldsSchema } from "@/lib/services/report-schedules/schedule-input";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";

const cadence = z.enum(["weekly", "monthly"]).meta({ id: "ReportScheduleCadence" });
const tags = ["reports"];

export const reportScheduleSchema = z
  .object({
    id: z.string(),
    report_id: z.string(),
    report_title: z.string(),
    cadence,
    day: z.number().int().meta({ description: "weekly: ISO weekday (1 = Monday … 7 = Sunday); monthly: day of the month (1..28)." }),
    hour: z.number().int().meta({ description: "Hour (0..23) in `timezone`." }),
    timezone: z.string().meta({ description: "IANA time zone of `day` and `hour` (default UTC)." }),
    description: z.string().meta({ description: "In words, e.g. `Weekly on Monday at 08:00 (Europe/Paris)`." }),
    format: z.enum(REPORT_FORMATS),
    recipients: z.array(z.string()),
    enabled: z.boolean(),
    next_run_at: timestamp.nullable().meta({ description: "Null while paused." }),
    last_run_at: timestamp.nullable(),
    last_error: z.string().nullable().meta({ description: "Why the last scheduled export failed, if it did." }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "ReportSchedule" });

const fields = scheduleFieldsSchema.shape;
export const createReportScheduleBody = z
  .object({
    cadence: fields.cadence,
    day: fields.day,
    hour: fields.hour,
    timezone: fields.timezone,
    format: fields.format.meta({ description: "Default pdf. A portfolio report: pdf, csv, json or markdown." }),
    recipients: fields.recipients.meta({ description: `1..${MAX_SCHEDULE_RECIPIENTS} e-mail addresses; each gets its own message.` }),
    enabled: fields.enabled,
  })
  .strict();

export const updateReportScheduleBody = z
  .object({
    cadence: fields.cadence.optional(),
    day: fields.day.optional(),
    hour: z.number().int().min(0).max(23).optional(),
    timezone: z.string().trim().max(64).optional().meta({ description: "IANA time zone." }),
    format: z.enum(REPORT_FORMATS).optional(),
    recipients: fields.recipients.optional(),
    enabled: z.boolean().optional().meta({ description: "false pauses the schedule; true resumes it from the next occurrence." }),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Nothing to change." });

const DELIVERY =
  "When a schedule is due (checked every 15 minutes) Plumb exports the report in `format` and e-mails every recipient: the file " +
  "attached up to `PLUMB_REPORT_MAIL_ATTACHMENT_MAX_MB` (default 8), otherwise a signed download link valid until the export " +
  "expires. Without `SMTP_URL` the messages stay in the organization's mail outbox (Settings → Mail). One delivery per " +
  "calendar week or month, however often the check runs.";

export const createReportScheduleContract = defineContract({
  id: "reports.schedules.create",
  method: "POST",
  path: "/api/v1/reports/{id}/schedules",
  summary: "Mail a report on a schedule",
  description: `${DELIVERY} Send an \`Idempotency-Key\` header to retry safely.`,
  tags,
  auth: "key-or-session",
  scope: "reports:write",
  params: idParam,
  body: createReportScheduleBody,
  response: { kind: "json", schema: reportScheduleSchema },
  status: 201,
  idempotent: true,
  errors: ["conflict"],
});

export const listReportSchedulesOfReportContract = defineContract({
  id: "reports.schedules.list",
  method: "GET",
  path: "/api/v1/reports/{id}/schedules",
  summary: "A report's schedules",
  tags,
  auth: "key-or-session",
  scope: "reports:read",
  params: idParam,
  query: paginationQuery,
  response: { kind: "list", item: reportScheduleSchema },
});

export const listReportSchedulesContract = defineContract({
  id: "report-schedules.list",
  method: "GET",
  path: "/api/v1/report-schedules",
  summary: "List report schedules",
  description: DELIVERY,
  tags,
  auth: "key-or-session",
  scope: "reports:read",
  query: paginationQuery.extend({ report_id: z.string().min(1).max(64).optional() }),
  response: { kind: "list", item: reportScheduleSchema },
});

export const getReportScheduleContract = defineContract({
  id: "report-schedules.get",
  method: "GET",
  path: "/api/v1/report-schedules/{id}",
  summary: "Get a report schedule",
  tags,
  auth: "key-or-session",
  scope: "reports:read",
  params: idParam,
  response: { kind: "json", schema: reportScheduleSchema },
});

export const updateReportScheduleContract = defineContract({
  id: "report-schedules.update",
  method: "PATCH",
  path: "/api/v1/report-schedules/{id}",
  summary: "Change, pause or resume a report schedule",
  tags,
  auth: "key-or-session",
  scope: "reports:write",
  params: idParam,
  body: updateReportScheduleBody,
  response: { kind: "json", schema: reportScheduleSchema },
});

export const deleteReportScheduleContract = defineContract({
  id: "report-schedules.delete",
  method: "DELETE",
  path: "/api/v1/report-schedules/{id}",
  summary: "Delete a report schedule",
  tags,
  auth: "key-or-session",
  scope: "reports:write",
  params: idParam,
  response: { kind: "json", schema: z.object({ id: z.string(), deleted: z.literal(true) }) },
});

export const reportFileContract = defineContract({
  id: "report-files.get",
  method: "GET",
  path: "/api/v1/report-files/{id}",
  summary: "Download a mailed report (signed link)",
  description:
    "The link a scheduled report's e-mail carries when the file is too large to attach. The signature authorizes it: no " +
    "session or key. A wrong signature or unknown export answers 404; past `expires` (the export's expiry) 410.",
  tags,
  auth: "public",
  params: idParam,
  query: z.object({
    expires: z.coerce.number().int().min(0).max(1e11).meta({ description: "Unix seconds." }),
    signature: z.string().min(1).max(128),
  }),
  rateLimit: { by: "ip", limit: 60, windowSeconds: 60 },
  response: { kind: "raw", contentType: "application/octet-stream", description: "The report file (attachment)." },
  errors: ["gone"],
});
