"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Alert, Badge, Button, TextField, formatDateTime } from "@/components/ui";
import { CopyButton } from "@/components/settings/copy-button";
import type { ActionResult } from "@/components/findings/action-result";

export interface ShareLinkRow {
  id: string;
  state: "active" | "expired" | "revoked";
  hasPassword: boolean;
  includeEvidence: boolean;
  viewCount: number;
  lastViewedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
}

const STATE_TONE = { active: "success", expired: "neutral", revoked: "danger" } as const;

/** Create public links to a scan's report or a saved report (the URL is shown once) and revoke them. */
export function ShareLinksPanel({
  links,
  canWrite,
  create,
  revoke,
  emptyText = "No share links for this scan yet.",
}: {
  emptyText?: string;
  links: ShareLinkRow[];
  canWrite: boolean;
  create: (input: { password?: string; expiresInDays?: number; includeEvidence?: boolean }) => Promise<ActionResult<{ url: string }>>;
  revoke: (linkId: string) => Promise<ActionResult>;
}) {
  const [password, setPassword] = useState("");
  const [days, setDays] = useState("30");
  const [evidence, setEvidence] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      setError(null);
      const r = await create({ password: password || undefined, expiresInDays: days ? Number(days) : undefined, includeEvidence: evidence });
      if (r.ok) {
        setCreated(r.data.url);
        setPassword("");
      } else setError(r.error);
    });
  };

  return (
    <div className="space-y-6">
      {canWrite ? (
        <form onSubmit={onSubmit} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField label="Password" name="share-password" type="password" optional value={password} onChange={(e) => setPassword(e.target.value)} hint="At least 8 characters; visitors must enter it." autoComplete="new-password" maxLength={200} />
          <TextField label="Expires after (days)" name="share-days" type="number" min={0} max={365} value={days} onChange={(e) => setDays(e.target.value)} hint="0 or empty: never." />
          <label className="flex items-start gap-2 text-sm text-slate-800 sm:col-span-2">
            <input type="checkbox" className="mt-1 h-4 w-4" checked={evidence} onChange={(e) => setEvidence(e.target.checked)} />
            <span>Include evidence (snippets from the site; secrets are always masked)</span>
          </label>
          <div className="sm:col-span-2">
            <Button type="submit" loading={pending}>
              Create share link
            </Button>
          </div>
        </form>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {created ? (
        <Alert tone="success" title="Share link created — copy it now, it is shown only once">
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
            <input id="share-url" readOnly value={created} aria-label="Share link" data-testid="share-url" className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm text-slate-900" />
            <CopyButton text={created} targetId="share-url" />
          </div>
        </Alert>
      ) : null}
      {links.length === 0 ? (
        <p className="text-sm text-slate-600">{emptyText}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" aria-label="Share links">
          {links.map((l) => (
            <li key={l.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between" data-testid="share-link-row">
              <div className="space-y-1 text-sm text-slate-800">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={STATE_TONE[l.state]}>{l.state}</Badge>
                  {l.hasPassword ? <Badge>password</Badge> : null}
                  {l.includeEvidence ? <Badge tone="warning">evidence</Badge> : null}
                  <span>Created {formatDateTime(new Date(l.createdAt))}</span>
                </p>
                <p className="text-slate-600">
                  {l.viewCount} view{l.viewCount === 1 ? "" : "s"}
                  {l.lastViewedAt ? `, last ${formatDateTime(new Date(l.lastViewedAt))}` : ""}
                  {l.expiresAt ? ` · expires ${formatDateTime(new Date(l.expiresAt))}` : " · never expires"}
                </p>
              </div>
              {canWrite && l.state === "active" ? (
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() =>
                    startTransition(async () => {
                      const r = await revoke(l.id);
                      if (!r.ok) setError(r.error);
                    })
                  }
                >
                  Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
