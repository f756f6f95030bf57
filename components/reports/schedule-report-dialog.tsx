"use client";

import { startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, SelectField, TextAreaField, TextField } from "@/components/ui";
import type { CreateScheduleState } from "@/app/o/[orgSlug]/reports/actions";
import { PORTFOLIO_FORMATS, REPORT_FORMATS } from "@/lib/reports/report-formats";
import { FORMAT_LABELS } from "./formats";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

interface Props {
  reportTitle: string;
  portfolio: boolean;
  action: (prev: CreateScheduleState, form: FormData) => Promise<CreateScheduleState>;
}

/** "Schedule" on a report page: mail the report weekly or monthly to a list of addresses. */
export function ScheduleReportDialog({ reportTitle, portfolio, action }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const titleId = useId();
  const [cadence, setCadence] = useState<"weekly" | "monthly">("weekly");
  const [state, formAction, pending] = useActionState(action, null);

  useEffect(() => {
    if (state?.ok) {
      dialogRef.current?.close();
      router.refresh();
    }
  }, [state, router]);

  return (
    <>
      <Button variant="secondary" onClick={() => dialogRef.current?.showModal()}>
        Schedule
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(34rem,calc(100vw-1.5rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form
          action={formAction}
          // Submitted by hand so a refused schedule keeps what was typed (a form action resets the form).
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            startTransition(() => formAction(data));
          }}
          className="flex max-h-[calc(100dvh-2rem)] flex-col"
        >
          <div className="border-b border-slate-200 px-5 py-4">
            <h2 id={titleId} className="text-lg font-semibold">
              Schedule this report
            </h2>
            <p className="mt-1 text-sm break-words text-slate-600">
              Plumb exports &ldquo;{reportTitle}&rdquo; on this calendar and e-mails it to each address (attached, or as a download link when the file is large).
            </p>
          </div>
          <div className="space-y-4 overflow-y-auto px-5 py-4">
            {state && !state.ok ? (
              <Alert tone="danger" title="The schedule was not saved">
                <p>{state.message}</p>
              </Alert>
            ) : null}
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Every</legend>
              <div className="mt-2 flex flex-wrap gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" name="cadence" value="weekly" checked={cadence === "weekly"} onChange={() => setCadence("weekly")} className="size-4 accent-brand-700" />
                  Week
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="cadence" value="monthly" checked={cadence === "monthly"} onChange={() => setCadence("monthly")} className="size-4 accent-brand-700" />
                  Month
                </label>
              </div>
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              {cadence === "weekly" ? (
                <SelectField name="weekDay" label="On" defaultValue="1">
                  {WEEKDAYS.map((d, i) => (
                    <option key={d} value={i + 1}>
                      {d}
                    </option>
                  ))}
                </SelectField>
              ) : (
                <SelectField name="monthDay" label="On day" defaultValue="1" hint="1 to 28: every month has it.">
                  {Array.from({ length: 28 }, (_, i) => (
                    <option key={i + 1} value={i + 1}>
                      {i + 1}
                    </option>
                  ))}
                </SelectField>
              )}
              <SelectField name="hour" label="At" defaultValue="8">
                {Array.from({ length: 24 }, (_, h) => (
                  <option key={h} value={h}>
                    {String(h).padStart(2, "0")}:00
                  </option>
                ))}
              </SelectField>
            </div>
            <TextField name="timezone" label="Time zone" defaultValue="UTC" maxLength={64} hint="An IANA time zone such as Europe/Paris or America/New_York." required />
            <SelectField name="format" label="Format" defaultValue="pdf">
              {(portfolio ? PORTFOLIO_FORMATS : REPORT_FORMATS).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </SelectField>
            <TextAreaField name="recipients" label="Recipients" rows={3} required placeholder={"client@example.com\nteam@example.com"} hint="Up to 20 addresses, one per line or separated by commas. Each receives its own e-mail." />
          </div>
          <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Save schedule
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
