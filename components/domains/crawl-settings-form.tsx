"use client";

import { useActionState } from "react";
import { Alert, Button, TextAreaField, TextField } from "@/components/ui";
import type { CrawlSettingsState } from "@/app/o/[orgSlug]/domains/scan-settings-actions";

export interface CrawlSettingsValues {
  respectRobots: boolean;
  include: string[];
  exclude: string[];
  maxDepth: number | null;
  consent: boolean;
}

interface Props {
  values: CrawlSettingsValues;
  action: (prev: CrawlSettingsState, form: FormData) => Promise<CrawlSettingsState>;
  canWrite: boolean;
}

export function CrawlSettingsForm({ values, action, canWrite }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-6">
      <fieldset disabled={!canWrite} className="space-y-6">
        <legend className="sr-only">Crawl settings</legend>
        <div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" name="respectRobots" defaultChecked={values.respectRobots} aria-describedby="robots-hint" className="mt-0.5 size-4 accent-brand-700" />
            <span className="font-medium">Skip pages robots.txt disallows</span>
          </label>
          <p id="robots-hint" className="mt-1 pl-6 text-sm text-slate-600">
            Off (the default): you own this site, so scans audit those pages too and list them as blocked by robots.txt — an SEO
            finding when a sitemap or a link says they should be found.
          </p>
        </div>
        <TextAreaField
          name="include"
          label="Only crawl paths matching"
          optional
          rows={3}
          defaultValue={values.include.join("\n")}
          hint="One pattern per line, robots.txt style: /blog/ covers everything under /blog/, * matches anything, a final $ anchors the end. Empty: every page. The start page is always scanned."
        />
        <TextAreaField name="exclude" label="Never crawl paths matching" optional rows={3} defaultValue={values.exclude.join("\n")} hint="For example /cart or /*.pdf$." />
        <TextField
          name="maxDepth"
          label="Maximum link depth"
          optional
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          defaultValue={values.maxDepth === null ? "" : String(values.maxDepth)}
          hint="Clicks from the start page (sitemap entries count as 1). Empty: no limit."
        />
        <div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" name="consent" defaultChecked={values.consent} aria-describedby="consent-hint" className="mt-0.5 size-4 accent-brand-700" />
            <span className="font-medium">Compare before and after consent</span>
          </label>
          <p id="consent-hint" className="mt-1 pl-6 text-sm text-slate-600">
            Each page is also loaded accepting and then rejecting its cookie banner, and the result lists what ran before any choice, what
            only Accept adds and what loads despite Reject. Off (the default) keeps scans fast: it adds up to two page loads per page.
          </p>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={pending} disabled={!canWrite}>
          Save crawl settings
        </Button>
      </div>
      {state && state.ok ? <Alert tone="success">Crawl settings saved.</Alert> : null}
      {state && !state.ok ? <Alert tone="danger">{state.message}</Alert> : null}
    </form>
  );
}
