"use client";

import { useActionState } from "react";
import { Alert, Button, SelectField, TextAreaField, TextField } from "@/components/ui";
import { PILLARS } from "@/components/status/pillars";
import type { SettingsState } from "@/app/o/[orgSlug]/domains/actions";
import type { Pillar, ScanSchedule } from "@/generated/prisma/enums";

export interface DomainSettingsValues {
  schedule: ScanSchedule;
  schedulePillars: Pillar[];
  directoryEnabled: boolean;
  directoryShowFindings: boolean;
  pageCount: number;
  organizationName: string;
  description: string;
  verified: boolean;
}

interface Props {
  values: DomainSettingsValues;
  action: (prev: SettingsState, form: FormData) => Promise<SettingsState>;
  canWrite: boolean;
}

export function DomainSettingsForm({ values, action, canWrite }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-6">
      <fieldset disabled={!canWrite} className="space-y-6">
        <legend className="sr-only">Domain settings</legend>
        <SelectField
          name="schedule"
          label="Scheduled scans"
          defaultValue={values.schedule}
          hint="Scheduled scans cost the same credits as manual ones (1 per pillar) and are skipped when the balance is too low."
        >
          <option value="off">Off (manual only)</option>
          <option value="daily">Daily</option>
          <option value="weekly">Weekly</option>
          <option value="monthly">Monthly</option>
        </SelectField>

        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Pillars for scheduled scans</legend>
          <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
            {PILLARS.map((p) => (
              <label key={p.id} className="flex items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="schedulePillars"
                  value={p.id}
                  defaultChecked={values.schedulePillars.includes(p.id)}
                  className="mt-0.5 size-4 accent-brand-700"
                />
                <span>{p.label}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <TextField
          name="pageCount"
          label="Pages per scan"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          required
          defaultValue={String(values.pageCount)}
          hint="Scans cover this many pages by default. Only scans of at least this many pages count toward the public grade, badge and trend."
        />

        <div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="directoryEnabled"
              defaultChecked={values.directoryEnabled}
              aria-describedby="directory-hint"
              className="mt-0.5 size-4 accent-brand-700"
            />
            <span className="font-medium">List this domain in the public directory</span>
          </label>
          <p id="directory-hint" className="mt-1 pl-6 text-sm text-slate-600">
            Shows the domain, the name and description below and the score badge on /directory
            {values.verified ? "." : ", once the domain is verified."}
          </p>
        </div>

        <div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="directoryShowFindings"
              defaultChecked={values.directoryShowFindings}
              aria-describedby="directory-findings-hint"
              className="mt-0.5 size-4 accent-brand-700"
            />
            <span className="font-medium">Show open findings on the public page</span>
          </label>
          <p id="directory-findings-hint" className="mt-1 pl-6 text-sm text-slate-600">
            Titles, severities and counts only, never evidence or page addresses. Off: the public page shows scores and grades only.
          </p>
        </div>

        <TextField
          name="organizationName"
          label="Organization name"
          optional
          maxLength={200}
          defaultValue={values.organizationName}
          hint="Shown next to the domain in the directory."
        />
        <TextAreaField name="description" label="Description" optional maxLength={1000} defaultValue={values.description} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={pending} disabled={!canWrite}>
          Save settings
        </Button>
        {!canWrite ? <span className="text-sm text-slate-600">Viewers cannot change settings.</span> : null}
      </div>
      {state && state.ok ? <Alert tone="success">Settings saved.</Alert> : null}
      {state && !state.ok ? <Alert tone="danger">{state.message}</Alert> : null}
    </form>
  );
}
