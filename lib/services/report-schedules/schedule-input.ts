import { z } from "zod";
import { REPORT_FORMATS } from "@/lib/reports/report-formats";
import { isValidTimeZone } from "./calendar";

/** Addresses one schedule mails; each is a separate message (recipients never see each other). */
export const MAX_SCHEDULE_RECIPIENTS = 20;
/** Schedules one report can have. */
export const MAX_SCHEDULES_PER_REPORT = 10;

export const scheduleRecipients = z
  .array(z.string().trim().toLowerCase().pipe(z.email({ message: "not an e-mail address" })).pipe(z.string().max(254)))
  .min(1, "Give at least one recipient.")
  .max(MAX_SCHEDULE_RECIPIENTS, `At most ${MAX_SCHEDULE_RECIPIENTS} recipients.`)
  .transform((list) => [...new Set(list)]);

export const scheduleTimezone = z.string().trim().max(64).refine(isValidTimeZone, { message: "not an IANA time zone (e.g. Europe/Paris, UTC)" });

/** A schedule's fields as services take them (the API body and the dashboard form both parse into this). */
export const scheduleFieldsSchema = z.object({
  cadence: z.enum(["weekly", "monthly"]),
  day: z.number().int().min(1).max(28).meta({ description: "weekly: ISO weekday, 1 = Monday … 7 = Sunday; monthly: day of the month, 1..28." }),
  hour: z.number().int().min(0).max(23).default(8).meta({ description: "Hour of the day in `timezone`, 0..23. Default 8." }),
  timezone: scheduleTimezone.default("UTC").meta({ description: "IANA time zone the day and hour are in. Default UTC." }),
  format: z.enum(REPORT_FORMATS).default("pdf"),
  recipients: scheduleRecipients,
  enabled: z.boolean().default(true),
});
export type ScheduleFields = z.output<typeof scheduleFieldsSchema>;

/** The cross-field rule zod alone cannot express on a partial update: a weekly day is a weekday. */
export function weekdayIssue(cadence: "weekly" | "monthly", day: number): string | null {
  return cadence === "weekly" && day > 7 ? "A weekly schedule's day is an ISO weekday: 1 (Monday) … 7 (Sunday)." : null;
}
