"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, SelectField, TextField } from "@/components/ui";
import type { CreateReportState } from "@/app/o/[orgSlug]/reports/actions";
import { PORTFOLIO_FORMATS, REPORT_FORMATS } from "@/lib/reports/report-formats";
import { FORMAT_LABELS } from "./formats";

export interface ReportScanOption {
  id: string;
  label: string;
}
export interface ReportDomainOption {
  id: string;
  host: string;
}

interface Props {
  orgSlug: string;
  scans: ReportScanOption[];
  domains: ReportDomainOption[];
  action: (prev: CreateReportState, form: FormData) => Promise<CreateReportState>;
  triggerLabel?: string;
  /** preselect this scan (the scan page's "Create report") */
  scanId?: string;
  /** every domain of the organization, for a portfolio (scanned or not) */
  portfolioDomains?: ReportDomainOption[];
}

/** "New report" in a modal <dialog>: a finished scan or a domain's current state, and the first format. */
export function NewReportDialog({ orgSlug, scans, domains, action, triggerLabel = "New report", scanId, portfolioDomains = [] }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const titleId = useId();
  const [source, setSource] = useState<"scan" | "domain" | "portfolio">(scans.length > 0 || domains.length === 0 ? "scan" : "domain");
  const [state, formAction, pending] = useActionState(action, null);

  useEffect(() => {
    if (state?.ok) router.push(`/o/${orgSlug}/reports/${state.reportId}`);
  }, [state, orgSlug, router]);

  return (
    <>
      <Button onClick={() => dialogRef.current?.showModal()} disabled={!scanId && scans.length === 0 && domains.length === 0}>
        {triggerLabel}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(34rem,calc(100vw-1.5rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="flex max-h-[calc(100dvh-2rem)] flex-col">
          <div className="border-b border-slate-200 px-5 py-4">
            <h2 id={titleId} className="text-lg font-semibold">
              New report
            </h2>
            <p className="mt-1 text-sm text-slate-600">A report of one finished scan, of a domain&apos;s current state, or of several domains for a client. Exports stay downloadable for a week.</p>
          </div>
          <div className="space-y-4 overflow-y-auto px-5 py-4">
            {state && !state.ok ? (
              <Alert tone="danger" title="The report was not created">
                <p>{state.message}</p>
              </Alert>
            ) : null}
            {scanId ? (
              <input type="hidden" name="source" value="scan" />
            ) : (
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">Report on</legend>
                <div className="mt-2 flex flex-wrap gap-4 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="radio" name="source" value="scan" checked={source === "scan"} onChange={() => setSource("scan")} disabled={scans.length === 0} className="size-4 accent-brand-700" />
                    One scan
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="source" value="domain" checked={source === "domain"} onChange={() => setSource("domain")} disabled={domains.length === 0} className="size-4 accent-brand-700" />
                    A domain&apos;s current state
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="source" value="portfolio" checked={source === "portfolio"} onChange={() => setSource("portfolio")} disabled={portfolioDomains.length < 2} className="size-4 accent-brand-700" />
                    Several domains (portfolio)
                  </label>
                </div>
              </fieldset>
            )}
            {scanId ? (
              <input type="hidden" name="scanId" value={scanId} />
            ) : source === "scan" ? (
              <SelectField name="scanId" label="Scan" defaultValue={scans[0]?.id}>
                {scans.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </SelectField>
            ) : source === "portfolio" ? (
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">Domains (2 to 25)</legend>
                <p className="text-sm text-slate-600">An overview ranking them, then one page per domain.</p>
                <div className="mt-2 max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
                  {portfolioDomains.map((d) => (
                    <label key={d.id} className="flex min-w-0 items-center gap-2">
                      <input type="checkbox" name="domainIds" value={d.id} defaultChecked className="size-4 shrink-0 accent-brand-700" />
                      <span className="break-all">{d.host}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : (
              <SelectField name="domainId" label="Domain" defaultValue={domains[0]?.id}>
                {domains.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.host}
                  </option>
                ))}
              </SelectField>
            )}
            <SelectField name="format" label="Format" defaultValue="pdf">
              {(source === "portfolio" ? PORTFOLIO_FORMATS : REPORT_FORMATS).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </SelectField>
            <TextField name="title" label="Title (optional)" maxLength={200} placeholder="Website audit of …" />
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="compliance" value="1" className="mt-0.5 size-4 shrink-0 accent-brand-700" aria-describedby={`${titleId}-compliance`} />
              <span>
                <span className="font-medium text-slate-800">Group findings by framework</span>
                <span id={`${titleId}-compliance`} className="block text-slate-600">
                  WCAG 2.2 AA summary with an accessibility statement draft, OWASP ASVS, OWASP Top 10, GDPR/ePrivacy and CWE.
                </span>
              </span>
            </label>
          </div>
          <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" loading={pending || state?.ok === true}>
              Create report
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
