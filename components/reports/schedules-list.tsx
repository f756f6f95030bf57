import { Badge, Button } from "@/components/ui";
import { deleteScheduleAction, setScheduleEnabledAction } from "@/app/o/[orgSlug]/reports/actions";
import { describeSchedule } from "@/lib/services/report-schedules/calendar";
import type { ScheduleWithReport } from "@/lib/services/report-schedules/schedule-rows";
import { FORMAT_LABELS } from "./formats";

// Times in the schedule's own zone: that is the clock the member chose.
function inZone(d: Date, tz: string): string {
  return `${new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: tz }).format(d)} (${tz})`;
}

/** A report's schedules with their next run; members can pause, resume and delete them (plain forms). */
export function SchedulesList({
  orgSlug,
  schedules,
  writer,
  showReport = false,
  headingLevel = 3,
}: {
  orgSlug: string;
  schedules: ScheduleWithReport[];
  writer: boolean;
  showReport?: boolean;
  /** the level that follows the page's outline (h2 on the report page, h3 under a report's title in the list) */
  headingLevel?: 2 | 3;
}) {
  if (schedules.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-label="Schedules" className="min-w-0">
      <Heading className="text-sm font-semibold text-slate-800">Scheduled e-mails</Heading>
      <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="schedules-list">
        {schedules.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm">
            <div className="min-w-0">
              <p className="font-medium break-words">
                {showReport ? `${s.report.title}: ` : ""}
                {describeSchedule(s)} · {FORMAT_LABELS[s.format]}{" "}
                {s.enabled ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Paused</Badge>}
              </p>
              <p className="break-words text-slate-600">
                To {s.recipients.join(", ")}
              </p>
              <p className="text-slate-600">
                {s.nextRunAt ? `Next run ${inZone(s.nextRunAt, s.timezone)}` : "No next run while paused"}
                {s.lastRunAt ? ` · last run ${inZone(s.lastRunAt, s.timezone)}` : ""}
              </p>
              {s.lastError ? <p className="text-red-700">Last export failed: {s.lastError}</p> : null}
            </div>
            {writer ? (
              <div className="flex gap-2">
                <form action={setScheduleEnabledAction.bind(null, orgSlug, s.id, !s.enabled)}>
                  <Button type="submit" size="sm" variant="secondary" aria-label={`${s.enabled ? "Pause" : "Resume"} ${describeSchedule(s)}`}>
                    {s.enabled ? "Pause" : "Resume"}
                  </Button>
                </form>
                <form action={deleteScheduleAction.bind(null, orgSlug, s.id)}>
                  <Button type="submit" size="sm" variant="danger" aria-label={`Delete ${describeSchedule(s)}`}>
                    Delete
                  </Button>
                </form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
