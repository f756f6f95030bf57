"use client";

import { useActionState } from "react";
import { Alert, Button, TextAreaField, TextField } from "@/components/ui";
import type { ScanAuthState } from "@/app/o/[orgSlug]/domains/scan-settings-actions";

export interface ScanAuthSummaryValues {
  headerNames: string[];
  cookieNames: string[];
  login: { url: string; usernameSelector: string; passwordSelector: string } | null;
}

interface Props {
  summary: ScanAuthSummaryValues | null;
  origin: string;
  action: (prev: ScanAuthState, form: FormData) => Promise<ScanAuthState>;
  canWrite: boolean;
}

/** Write-only: what is stored is shown by name; saving replaces all of it. */
export function ScanAuthForm({ summary, origin, action, canWrite }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-6">
      <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" aria-live="polite">
        {summary ? (
          <ul className="space-y-1 break-words">
            {summary.headerNames.length ? <li>Headers: {summary.headerNames.join(", ")}</li> : null}
            {summary.cookieNames.length ? <li>Cookies: {summary.cookieNames.join(", ")}</li> : null}
            {summary.login ? (
              <li>
                Login script at <span className="break-all font-mono text-xs">{summary.login.url}</span> ({summary.login.usernameSelector},{" "}
                {summary.login.passwordSelector})
              </li>
            ) : null}
          </ul>
        ) : (
          <p>Scans are anonymous: no sign-in is set.</p>
        )}
      </div>
      <fieldset disabled={!canWrite} className="space-y-6">
        <legend className="sr-only">Sign-in for scans</legend>
        <p className="text-sm text-slate-600">
          Stored encrypted and never shown again. Saving replaces what is stored. Headers are sent to {origin} only; links that log out are never followed.
        </p>
        <TextAreaField name="headers" label="Extra request headers" optional rows={2} hint='One "Name: value" per line, e.g. Authorization: Bearer …' />
        <TextAreaField name="cookies" label="Cookies" optional rows={2} hint='One "name=value" per line.' />
        <fieldset className="space-y-4">
          <legend className="text-sm font-medium text-slate-800">Login script (optional)</legend>
          <TextField name="loginUrl" label="Login page URL" optional type="url" placeholder={`${origin}/login`} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="username" label="Username" optional autoComplete="off" />
            <TextField name="password" label="Password" optional type="password" autoComplete="new-password" />
            <TextField name="usernameSelector" label="Username field selector" optional placeholder="#email" />
            <TextField name="passwordSelector" label="Password field selector" optional placeholder="#password" />
            <TextField name="submitSelector" label="Submit button selector" optional placeholder="button[type=submit]" hint="Empty: press Enter." />
            <TextField name="successSelector" label="Signed in when this appears" optional placeholder="#account-menu" />
          </div>
          <TextField name="successUrl" label="…or when the URL contains" optional placeholder="/account" hint="Give at least one of the two success checks." />
        </fieldset>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="save" loading={pending} disabled={!canWrite}>
          Save sign-in
        </Button>
        {summary ? (
          <Button type="submit" name="intent" value="clear" variant="secondary" disabled={!canWrite || pending}>
            Remove sign-in
          </Button>
        ) : null}
      </div>
      {state && state.ok ? <Alert tone="success">{state.cleared ? "Sign-in removed." : "Sign-in saved."}</Alert> : null}
      {state && !state.ok ? <Alert tone="danger">{state.message}</Alert> : null}
    </form>
  );
}
