"use client";

import { useActionState, useId } from "react";
import { Alert, Button } from "@/components/ui";
import type { ExportReportState } from "@/app/o/[orgSlug]/reports/actions";
import { PORTFOLIO_FORMATS, REPORT_FORMATS } from "@/lib/reports/report-formats";
import { FORMAT_LABELS } from "./formats";

/** Export the saved report again in a format. */
export function ExportReportForm({ action, portfolio = false }: { action: (prev: ExportReportState, form: FormData) => Promise<ExportReportState>; portfolio?: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Export as
        </label>
        <select id={id} name="format" defaultValue="pdf" className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          {(portfolio ? PORTFOLIO_FORMATS : REPORT_FORMATS).map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" loading={pending}>
        Export
      </Button>
      {state && !state.ok ? (
        <Alert tone="danger" title="Not exported">
          <p>{state.message}</p>
        </Alert>
      ) : null}
    </form>
  );
}
