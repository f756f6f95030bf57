"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { Alert, Button, TextField } from "@/components/ui";
import { createApiKeyAction } from "@/app/o/[orgSlug]/settings/actions";
import { CopyButton } from "./copy-button";

const RESOURCES = [
  { id: "domains", label: "Domains" },
  { id: "scans", label: "Scans" },
  { id: "findings", label: "Findings" },
  { id: "reports", label: "Reports" },
  { id: "integrations", label: "Integrations" },
  { id: "policies", label: "Policies" },
  { id: "alerts", label: "Alerts" },
] as const;

/** Name + scopes; on success the raw key is shown here, once, with a copy button. */
export function CreateApiKeyForm({ orgSlug }: { orgSlug: string }) {
  const [name, setName] = useState("");
  const [full, setFull] = useState(false);
  const [scopes, setScopes] = useState<Set<string>>(() => new Set(["domains:read", "scans:read", "findings:read"]));
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ rawKey: string; name: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const keyFieldId = useId();

  const toggle = (scope: string) =>
    setScopes((prev) => {
      const next = new Set(prev);
      if (next.has(scope)) next.delete(scope);
      else next.add(scope);
      return next;
    });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const chosen = full ? ["all"] : [...scopes];
    startTransition(async () => {
      const r = await createApiKeyAction(orgSlug, { name, scopes: chosen });
      if (r.ok) {
        setCreated({ rawKey: r.data.rawKey, name: r.data.name });
        setName("");
      } else setError(r.error);
    });
  };

  return (
    <div className="space-y-4">
      {created ? (
        <Alert tone="success" title={`API key “${created.name}” created`}>
          <p>Copy it now: this is the only time Plumb shows it. Only a hash of it is stored.</p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <label htmlFor={keyFieldId} className="sr-only">
              Your new API key
            </label>
            <input
              id={keyFieldId}
              readOnly
              value={created.rawKey}
              onFocus={(e) => e.currentTarget.select()}
              className="h-9 min-w-0 flex-1 rounded-md border border-green-300 bg-white px-3 font-mono text-sm text-slate-900"
            />
            <CopyButton text={created.rawKey} label="Copy key" targetId={keyFieldId} />
          </div>
          <Button variant="ghost" size="sm" className="mt-2" onClick={() => setCreated(null)}>
            I have stored it, hide the key
          </Button>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" aria-label="Create an API key">
        <TextField label="Key name" name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} hint="Where it will be used, e.g. “GitHub Actions”." />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Scopes</legend>
          <label className="mt-2 flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} className="size-4 accent-brand-700" />
            Full access (every scope, including ones added later)
          </label>
          <div className="mt-2 overflow-x-auto">
            <table className="text-sm">
              <caption className="sr-only">Access per resource</caption>
              <thead>
                <tr className="text-left text-xs text-slate-600">
                  <th scope="col" className="py-1 pr-6 font-medium">Resource</th>
                  <th scope="col" className="py-1 pr-6 font-medium">Read</th>
                  <th scope="col" className="py-1 font-medium">Write</th>
                </tr>
              </thead>
              <tbody>
                {RESOURCES.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="py-1 pr-6 text-left font-normal text-slate-800">{r.label}</th>
                    {(["read", "write"] as const).map((a) => (
                      <td key={a} className="py-1 pr-6">
                        <input
                          type="checkbox"
                          aria-label={`${r.label}: ${a}`}
                          checked={full || scopes.has(`${r.id}:${a}`)}
                          disabled={full}
                          onChange={() => toggle(`${r.id}:${a}`)}
                          className="size-4 accent-brand-700"
                        />
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row" className="py-1 pr-6 text-left font-normal text-slate-800">Audit log</th>
                  <td className="py-1 pr-6">
                    <input type="checkbox" aria-label="Audit log: read" checked={full || scopes.has("audit:read")} disabled={full} onChange={() => toggle("audit:read")} className="size-4 accent-brand-700" />
                  </td>
                  <td className="py-1 pr-6 text-xs text-slate-600">—</td>
                </tr>
                <tr>
                  <th scope="row" className="py-1 pr-6 text-left font-normal text-slate-800">API keys</th>
                  <td className="py-1 pr-6 text-xs text-slate-600">—</td>
                  <td className="py-1 pr-6">
                    <input type="checkbox" aria-label="API keys: write" checked={full || scopes.has("keys:write")} disabled={full} onChange={() => toggle("keys:write")} className="size-4 accent-brand-700" />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="mt-1 text-xs text-slate-600">Write includes read. A key can never do more than you can.</p>
        </fieldset>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <Button type="submit" loading={pending} disabled={!name.trim() || (!full && scopes.size === 0)}>
          Create API key
        </Button>
      </form>
    </div>
  );
}
