"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Alert, Button, TextAreaField, TextField } from "@/components/ui";
import type { ActionResult } from "@/components/findings/action-result";

export interface BrandingFormValues {
  domainId: string | null;
  name: string;
  accentColor: string;
  footerText: string;
  showPoweredBy: boolean;
  logoUrl: string | null;
}

/** One branding scope (the organization, or one domain's override). The logo is checked on the server by its bytes. */
export function BrandingForm({ values, canEdit, save, idPrefix }: { values: BrandingFormValues; canEdit: boolean; save: (data: FormData) => Promise<ActionResult>; idPrefix: string }) {
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [accent, setAccent] = useState(values.accentColor || "#4f46e5");
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(async () => {
      const r = await save(data);
      setMessage(r.ok ? { tone: "success", text: "Branding saved." } : { tone: "danger", text: r.error });
    });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={values.domainId ? "Domain branding" : "Organization branding"}>
      {values.domainId ? <input type="hidden" name="domainId" value={values.domainId} /> : null}
      <fieldset disabled={!canEdit} className="space-y-4">
        <TextField label="Name on reports" name="name" id={`${idPrefix}-name`} defaultValue={values.name} maxLength={120} optional hint="Shown next to the logo on PDFs and share pages." />
        <div className="space-y-1">
          <label htmlFor={`${idPrefix}-logo`} className="block text-sm font-medium text-slate-900">
            Logo <span className="font-normal text-slate-600">(optional)</span>
          </label>
          {values.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a data: URL of the stored logo
            <img src={values.logoUrl} alt="Current logo" className="mb-2 max-h-12 max-w-48 rounded border border-slate-200 bg-white object-contain p-1" />
          ) : null}
          <input id={`${idPrefix}-logo`} name="logo" type="file" accept="image/png,image/jpeg,image/webp" className="block w-full max-w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-slate-900" aria-describedby={`${idPrefix}-logo-hint`} />
          <p id={`${idPrefix}-logo-hint`} className="text-sm text-slate-600">
            PNG, JPEG or WebP, at most 256 KiB. SVG is not accepted.
          </p>
          {values.logoUrl ? (
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="removeLogo" className="h-4 w-4" /> Remove the logo
            </label>
          ) : null}
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <TextField label="Accent colour" name="accentColor" id={`${idPrefix}-accent`} value={accent} onChange={(e) => setAccent(e.target.value)} pattern="^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$" maxLength={7} hint="#rrggbb" containerClassName="w-40" />
          <span aria-hidden="true" className="mb-7 inline-block h-9 w-9 rounded-md border border-slate-300" style={{ background: /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(accent) ? accent : "transparent" }} />
        </div>
        <TextAreaField label="Footer text" name="footerText" id={`${idPrefix}-footer`} defaultValue={values.footerText} maxLength={500} rows={2} optional />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="showPoweredBy" defaultChecked={values.showPoweredBy} className="h-4 w-4" /> Show “Made with Plumb”
        </label>
        {canEdit ? (
          <Button type="submit" loading={pending}>
            Save branding
          </Button>
        ) : null}
      </fieldset>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
