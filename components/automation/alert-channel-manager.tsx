"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { Alert, Badge, Button, Card, CardBody, CardHeader, EmptyState, SelectField, TextField } from "@/components/ui";
import { ALERT_TRIGGERS, TRIGGER_LABELS } from "@/lib/services/alerts/alert-triggers";
import { CopyButton } from "@/components/settings/copy-button";
import { apiCall } from "./api-call";

export interface ChannelRow {
  id: string;
  name: string;
  kind: "webhook" | "slack" | "email";
  url: string | null;
  email: string | null;
  triggers: string[];
  domain_ids: string[];
  min_severity: string | null;
  tls_expiry_days: number;
  enabled: boolean;
  has_secret: boolean;
}

interface DeliveryRow {
  id: string;
  trigger: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  response_code: number | null;
  latency_ms: number | null;
  last_error: string | null;
  created_at: string;
}

const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;

function Deliveries({ orgSlug, channelId }: { orgSlug: string; channelId: string }) {
  const [rows, setRows] = useState<DeliveryRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const load = () =>
    start(async () => {
      const r = await apiCall<DeliveryRow[]>(orgSlug, "GET", `/alert-channels/${channelId}/deliveries?limit=10`);
      if (r.ok) setRows(r.data);
      else setError(r.error);
    });
  return (
    <div className="mt-2">
      <Button size="sm" variant="ghost" onClick={load} loading={pending}>
        {rows ? "Refresh deliveries" : "Show deliveries"}
      </Button>
      {error ? <Alert tone="danger" className="mt-2">{error}</Alert> : null}
      {rows ? (
        rows.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Nothing sent yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" aria-label="Recent deliveries">
            {rows.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2">
                <Badge tone={d.status === "delivered" ? "success" : d.status === "failed" ? "danger" : "warning"}>{d.status}</Badge>
                <span className="font-mono text-xs">{d.trigger}</span>
                <span className="text-slate-700">
                  {d.response_code ?? "—"} · {d.latency_ms ?? "—"} ms · {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
                </span>
                <time className="text-xs text-slate-600" dateTime={d.created_at}>{new Date(d.created_at).toLocaleString()}</time>
                {d.last_error ? <span className="w-full text-xs break-words text-red-700">{d.last_error}</span> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

/** Settings → Alerts: channels (webhook, Slack, e-mail) with their triggers and filters, "Send test", the delivery log. */
export function AlertChannelManager({ orgSlug, canWrite, initialChannels, domains }: { orgSlug: string; canWrite: boolean; initialChannels: ChannelRow[]; domains: { id: string; host: string }[] }) {
  const [channels, setChannels] = useState(initialChannels);
  const [kind, setKind] = useState<"webhook" | "slack" | "email">("webhook");
  const [name, setName] = useState("");
  const [target, setTarget] = useState("");
  const [triggers, setTriggers] = useState<Set<string>>(new Set(["scan.finished", "finding.new_high", "finding.regression"]));
  const [domainIds, setDomainIds] = useState<Set<string>>(new Set());
  const [minSeverity, setMinSeverity] = useState("");
  const [tlsDays, setTlsDays] = useState("14");
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const secretId = useId();

  const toggle = (set: Set<string>, v: string, apply: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    apply(next);
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    start(async () => {
      const body = {
        kind,
        name,
        ...(kind === "email" ? { email: target } : { url: target }),
        triggers: [...triggers],
        domain_ids: [...domainIds],
        min_severity: minSeverity || null,
        tls_expiry_days: Number(tlsDays),
      };
      const r = await apiCall<ChannelRow & { secret: string | null }>(orgSlug, "POST", "/alert-channels", body);
      if (!r.ok) return setError(r.error);
      const { secret: s, ...row } = r.data;
      setChannels((cs) => [...cs, row]);
      if (s) setSecret({ name: row.name, secret: s });
      setName("");
      setTarget("");
    });
  };

  const test = (c: ChannelRow) =>
    start(async () => {
      setError(null);
      const r = await apiCall<DeliveryRow>(orgSlug, "POST", `/alert-channels/${c.id}/test`);
      if (r.ok) setNotice(`Test alert queued for “${c.name}”. Its outcome appears under its deliveries.`);
      else setError(r.error);
    });
  const roll = (c: ChannelRow) =>
    start(async () => {
      if (!window.confirm(`Roll the signing secret of “${c.name}”? The old one stops working at once.`)) return;
      const r = await apiCall<ChannelRow & { secret: string | null }>(orgSlug, "POST", `/alert-channels/${c.id}/roll-secret`);
      if (r.ok && r.data.secret) setSecret({ name: c.name, secret: r.data.secret });
      else if (!r.ok) setError(r.error);
    });
  const toggleEnabled = (c: ChannelRow) =>
    start(async () => {
      const r = await apiCall<ChannelRow>(orgSlug, "PATCH", `/alert-channels/${c.id}`, { enabled: !c.enabled });
      if (r.ok) setChannels((cs) => cs.map((x) => (x.id === c.id ? r.data : x)));
      else setError(r.error);
    });
  const remove = (c: ChannelRow) =>
    start(async () => {
      if (!window.confirm(`Delete the channel “${c.name}” and its delivery log?`)) return;
      const r = await apiCall<{ id: string }>(orgSlug, "DELETE", `/alert-channels/${c.id}`);
      if (r.ok) setChannels((cs) => cs.filter((x) => x.id !== c.id));
      else setError(r.error);
    });

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <section aria-labelledby="channels-heading" className="min-w-0">
        <h2 id="channels-heading" className="mb-1 text-lg font-semibold text-slate-900">Alert channels</h2>
        <p className="mb-3 text-sm text-slate-600">Where Plumb tells you about finished and failed scans, new serious findings, regressions, grade drops, expiring certificates and lost verification.</p>
        {secret ? (
          <Alert tone="success" title={`Signing secret of “${secret.name}”`} className="mb-3">
            <p>Copy it now: Plumb shows it only once. Verify the <code className="font-mono">Plumb-Signature</code> header with it.</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <label htmlFor={secretId} className="sr-only">Signing secret</label>
              <input id={secretId} readOnly value={secret.secret} onFocus={(e) => e.currentTarget.select()} className="h-9 min-w-0 flex-1 rounded-md border border-green-300 bg-white px-3 font-mono text-sm text-slate-900" />
              <CopyButton text={secret.secret} label="Copy secret" targetId={secretId} />
            </div>
            <Button variant="ghost" size="sm" className="mt-2" onClick={() => setSecret(null)}>I have stored it, hide the secret</Button>
          </Alert>
        ) : null}
        {notice ? <Alert tone="info" className="mb-3">{notice}</Alert> : null}
        {error ? <Alert tone="danger" className="mb-3">{error}</Alert> : null}
        {channels.length === 0 ? (
          <EmptyState title="No alert channels yet" as="h3" description={<p>Add a webhook, a Slack incoming webhook or an e-mail address.</p>} />
        ) : (
          <ul className="space-y-2">
            {channels.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium break-words text-slate-900">{c.name}</span>
                  <Badge tone="info">{c.kind === "slack" ? "Slack" : c.kind === "email" ? "E-mail" : "Webhook"}</Badge>
                  {!c.enabled ? <Badge tone="warning">Disabled</Badge> : null}
                </div>
                <p className="mt-1 font-mono text-xs break-all text-slate-700">{c.url ?? c.email}</p>
                <p className="mt-1 text-sm text-slate-700">
                  {c.triggers.map((t) => TRIGGER_LABELS[t as keyof typeof TRIGGER_LABELS] ?? t).join(" · ")}
                  {c.min_severity ? ` · ${c.min_severity} and above` : ""}
                  {c.domain_ids.length ? ` · ${c.domain_ids.length} domain${c.domain_ids.length === 1 ? "" : "s"}` : ""}
                </p>
                {canWrite ? (
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Button size="sm" onClick={() => test(c)} disabled={pending || !c.enabled}>Send test</Button>
                    <Button size="sm" variant="secondary" onClick={() => toggleEnabled(c)} disabled={pending}>{c.enabled ? "Disable" : "Enable"}</Button>
                    {c.kind === "webhook" ? <Button size="sm" variant="secondary" onClick={() => roll(c)} disabled={pending}>Roll secret</Button> : null}
                    <Button size="sm" variant="ghost" onClick={() => remove(c)} disabled={pending}>Delete</Button>
                  </div>
                ) : null}
                <Deliveries orgSlug={orgSlug} channelId={c.id} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {canWrite ? (
        <Card>
          <CardHeader title="New channel" description="Webhook and Slack URLs must be public addresses." />
          <CardBody>
            <form onSubmit={create} className="space-y-4" aria-label="New alert channel">
              <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
              <SelectField label="Type" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
                <option value="webhook">Webhook (signed JSON)</option>
                <option value="slack">Slack incoming webhook</option>
                <option value="email">E-mail</option>
              </SelectField>
              <TextField
                label={kind === "email" ? "E-mail address" : "URL"}
                type={kind === "email" ? "email" : "url"}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                required
                maxLength={2000}
                hint={kind === "slack" ? "https://hooks.slack.com/services/…" : undefined}
              />
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">Send when</legend>
                <div className="mt-1 grid gap-1">
                  {ALERT_TRIGGERS.map((t) => (
                    <label key={t} className="flex items-center gap-1.5 text-sm text-slate-800">
                      <input type="checkbox" className="size-4 accent-brand-700" checked={triggers.has(t)} onChange={() => toggle(triggers, t, setTriggers)} />
                      {TRIGGER_LABELS[t]}
                    </label>
                  ))}
                </div>
              </fieldset>
              {domains.length ? (
                <fieldset>
                  <legend className="text-sm font-medium text-slate-800">Domains (none: all)</legend>
                  <div className="mt-1 grid gap-1">
                    {domains.map((d) => (
                      <label key={d.id} className="flex items-center gap-1.5 text-sm break-all text-slate-800">
                        <input type="checkbox" className="size-4 accent-brand-700" checked={domainIds.has(d.id)} onChange={() => toggle(domainIds, d.id, setDomainIds)} />
                        {d.host}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : null}
              <SelectField label="Minimum severity" value={minSeverity} onChange={(e) => setMinSeverity(e.target.value)}>
                <option value="">Any</option>
                {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
              </SelectField>
              {triggers.has("tls.expiring") ? <TextField label="Certificate expiry warning (days)" type="number" min={1} max={365} value={tlsDays} onChange={(e) => setTlsDays(e.target.value)} /> : null}
              <Button type="submit" loading={pending} disabled={!name.trim() || !target.trim() || triggers.size === 0}>Create channel</Button>
            </form>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
