"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Alert, Badge, Button, Card, CardBody, CardHeader, EmptyState, SelectField, TextField } from "@/components/ui";
import { apiCall } from "./api-call";

const PILLARS = ["accessibility", "security", "cookies", "trackers", "privacy", "performance", "seo"] as const;
const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
const ACTIONS = [
  { id: "accept_risk", label: "Accept the risk" },
  { id: "mark_false_positive", label: "Mark false positive" },
  { id: "set_severity", label: "Set severity" },
  { id: "notify_channel", label: "Notify an alert channel" },
  { id: "create_task", label: "Create a task" },
  { id: "sync_integration", label: "Send to an issue tracker" },
] as const;
const PRIORITIES = ["low", "medium", "high", "urgent"] as const;

export interface PolicyRow {
  id: string;
  name: string;
  kind: "gate" | "automation";
  enabled: boolean;
  position: number;
  rules: unknown;
}

interface Simulation {
  kind: "gate" | "automation";
  matched: number;
  counts: Record<string, number>;
  skipped: { human_decision: number; no_change: number };
  rows: { finding_id: string; title: string; rule: string; host: string; action: string; from: string | null; to: string | null; due_at: string | null; skipped: string | null }[];
  gates: { domain_id: string; host: string; passed: boolean; reasons: string[] }[];
  truncated: boolean;
}

function describeRules(p: PolicyRow): string {
  const r = p.rules as Record<string, unknown>;
  if (p.kind === "gate") {
    const parts: string[] = [];
    if (r.max_severity) parts.push(`nothing above ${String(r.max_severity)}`);
    if (typeof r.min_score === "number") parts.push(`score ≥ ${r.min_score}`);
    else if (r.min_score) parts.push(Object.entries(r.min_score as Record<string, number>).map(([k, v]) => `${k} ≥ ${v}`).join(", "));
    return parts.join("; ");
  }
  const m = (r.match ?? {}) as Record<string, unknown>;
  const acts = ((r.actions ?? []) as { type: string }[]).map((a) => a.type.replace(/_/g, " ")).join(", ");
  const when = [m.rule ? `rule ${String(m.rule)}` : null, Array.isArray(m.pillars) && m.pillars.length ? (m.pillars as string[]).join("/") : null, Array.isArray(m.severities) && m.severities.length ? (m.severities as string[]).join("/") : null, m.url ? `URL ${String(m.url)}` : null]
    .filter(Boolean)
    .join(", ");
  return `${when || "every finding"} → ${acts}`;
}

/** Settings → Policies: the list in evaluation order and the editor, which previews a draft before saving it. */
type Option = { id: string; name: string };

/** What a preview row does, in words: the change, or who gets the task and when it is due, or where it goes. */
function describeRow(r: Simulation["rows"][number], members: Option[], trackers: Option[]): string {
  if (r.action === "create_task") {
    const who = r.to ? (members.find((m) => m.id === r.to)?.name ?? "a member") : "unassigned";
    return `create task (${who}${r.due_at ? `, due ${r.due_at.slice(0, 10)}` : ""})`;
  }
  if (r.action === "sync_integration") return `send to ${trackers.find((t) => t.id === r.to)?.name ?? "the tracker"}`;
  return `${r.action.replace(/_/g, " ")}${r.from && r.to ? ` ${r.from} → ${r.to}` : ""}`;
}

export function PolicyManager({
  orgSlug,
  canWrite,
  initialPolicies,
  channels,
  members = [],
  trackers = [],
}: {
  orgSlug: string;
  canWrite: boolean;
  initialPolicies: PolicyRow[];
  channels: Option[];
  members?: Option[];
  trackers?: Option[];
}) {
  const [policies, setPolicies] = useState(initialPolicies);
  const [kind, setKind] = useState<"gate" | "automation">("automation");
  const [name, setName] = useState("");
  const [maxSeverity, setMaxSeverity] = useState("medium");
  const [minScore, setMinScore] = useState("");
  const [pillars, setPillars] = useState<Set<string>>(new Set());
  const [severities, setSeverities] = useState<Set<string>>(new Set());
  const [rule, setRule] = useState("");
  const [url, setUrl] = useState("");
  const [minInstances, setMinInstances] = useState("");
  const [action, setAction] = useState<(typeof ACTIONS)[number]["id"]>("accept_risk");
  const [justification, setJustification] = useState("");
  const [days, setDays] = useState("90");
  const [severity, setSeverity] = useState("low");
  const [channelId, setChannelId] = useState(channels[0]?.id ?? "");
  const [assigneeId, setAssigneeId] = useState("");
  const [dueDays, setDueDays] = useState("14");
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>("medium");
  const [integrationId, setIntegrationId] = useState(trackers[0]?.id ?? "");
  const [sim, setSim] = useState<{ draft: string; result: Simulation } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const toggle = (set: Set<string>, v: string, apply: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    apply(next);
  };

  const rules = (): unknown => {
    if (kind === "gate") return { max_severity: maxSeverity || undefined, ...(minScore ? { min_score: Number(minScore) } : {}) };
    const match: Record<string, unknown> = {};
    if (pillars.size) match.pillars = [...pillars];
    if (severities.size) match.severities = [...severities];
    if (rule.trim()) match.rule = rule.trim();
    if (url.trim()) match.url = url.trim();
    if (minInstances) match.min_instances = Number(minInstances);
    const a =
      action === "accept_risk"
        ? { type: action, justification, expires_in_days: Number(days) }
        : action === "mark_false_positive"
          ? { type: action, justification }
          : action === "set_severity"
            ? { type: action, severity }
            : action === "create_task"
              ? { type: action, assignee_id: assigneeId || null, due_in_days: dueDays === "" ? null : Number(dueDays), priority }
              : action === "sync_integration"
                ? { type: action, integration_id: integrationId }
                : { type: action, channel_id: channelId };
    return { match, actions: [a] };
  };
  const draftKey = JSON.stringify({ kind, rules: rules() });
  const previewCurrent = sim?.draft === draftKey;

  const preview = () => {
    setError(null);
    start(async () => {
      const r = await apiCall<Simulation>(orgSlug, "POST", "/policies/simulate", { draft: { kind, rules: rules() } });
      if (r.ok) setSim({ draft: draftKey, result: r.data });
      else setError(r.error);
    });
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    start(async () => {
      const r = await apiCall<PolicyRow>(orgSlug, "POST", "/policies", { kind, name, rules: rules() });
      if (!r.ok) return setError(r.error);
      setPolicies((ps) => [...ps, r.data]);
      setNotice(`Policy “${r.data.name}” saved. It applies from the next scan.`);
      setName("");
      setSim(null);
    });
  };

  const setEnabled = (p: PolicyRow, enabled: boolean) =>
    start(async () => {
      const r = await apiCall<PolicyRow>(orgSlug, "PATCH", `/policies/${p.id}`, { enabled });
      if (r.ok) setPolicies((ps) => ps.map((x) => (x.id === p.id ? r.data : x)));
      else setError(r.error);
    });
  const remove = (p: PolicyRow) =>
    start(async () => {
      if (!window.confirm(`Delete the policy “${p.name}”?`)) return;
      const r = await apiCall<{ id: string }>(orgSlug, "DELETE", `/policies/${p.id}`);
      if (r.ok) setPolicies((ps) => ps.filter((x) => x.id !== p.id));
      else setError(r.error);
    });

  const res = sim?.result;
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <section aria-labelledby="policies-heading" className="min-w-0">
        <h2 id="policies-heading" className="mb-1 text-lg font-semibold text-slate-900">Policies</h2>
        <p className="mb-3 text-sm text-slate-600">
          Gates judge every scan (and fail <code className="font-mono">plumb scan --policy</code> in CI); automation rules triage a scan&apos;s findings when it
          finishes, in this order. A decision a member made is never overridden.
        </p>
        {notice ? <Alert tone="success" className="mb-3">{notice}</Alert> : null}
        {policies.length === 0 ? (
          <EmptyState title="No policies yet" as="h3" description={<p>Create a gate or an automation rule with the editor.</p>} />
        ) : (
          <ol className="space-y-2">
            {policies.map((p) => (
              <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium break-words text-slate-900">{p.name}</span>
                  <Badge tone={p.kind === "gate" ? "info" : "neutral"}>{p.kind === "gate" ? "Gate" : "Automation"}</Badge>
                  {!p.enabled ? <Badge tone="warning">Disabled</Badge> : null}
                </div>
                <p className="mt-1 text-sm break-words text-slate-700">{describeRules(p)}</p>
                {canWrite ? (
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Button size="sm" variant="secondary" onClick={() => setEnabled(p, !p.enabled)} disabled={pending}>
                      {p.enabled ? "Disable" : "Enable"}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => remove(p)} disabled={pending}>
                      Delete
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {canWrite ? (
        <Card>
          <CardHeader title="New policy" description="Preview what it would do to your current findings, then save." />
          <CardBody>
            <form onSubmit={save} className="space-y-4" aria-label="New policy">
              <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
              <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as "gate" | "automation")}>
                <option value="automation">Automation rule (triage findings)</option>
                <option value="gate">Quality gate (pass or fail a scan)</option>
              </SelectField>
              {kind === "gate" ? (
                <>
                  <SelectField label="Worst severity allowed" value={maxSeverity} onChange={(e) => setMaxSeverity(e.target.value)}>
                    {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
                  </SelectField>
                  <TextField label="Minimum overall score" type="number" min={0} max={100} value={minScore} onChange={(e) => setMinScore(e.target.value)} optional />
                </>
              ) : (
                <>
                  <fieldset>
                    <legend className="text-sm font-medium text-slate-800">Pillars (none: all)</legend>
                    <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                      {PILLARS.map((p) => (
                        <label key={p} className="flex items-center gap-1.5 text-sm text-slate-800">
                          <input type="checkbox" className="size-4 accent-brand-700" checked={pillars.has(p)} onChange={() => toggle(pillars, p, setPillars)} />
                          {p}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  <fieldset>
                    <legend className="text-sm font-medium text-slate-800">Severities (none: all)</legend>
                    <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                      {SEVERITIES.map((s) => (
                        <label key={s} className="flex items-center gap-1.5 text-sm text-slate-800">
                          <input type="checkbox" className="size-4 accent-brand-700" checked={severities.has(s)} onChange={() => toggle(severities, s, setSeverities)} />
                          {s}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  <TextField label="Rule (glob)" value={rule} onChange={(e) => setRule(e.target.value)} optional hint="e.g. csp-* or color-contrast" maxLength={500} />
                  <TextField label="Page URL (glob)" value={url} onChange={(e) => setUrl(e.target.value)} optional hint="e.g. https://example.com/blog/*" maxLength={500} />
                  <TextField label="At least this many instances" type="number" min={0} value={minInstances} onChange={(e) => setMinInstances(e.target.value)} optional />
                  <SelectField label="Action" value={action} onChange={(e) => setAction(e.target.value as typeof action)}>
                    {ACTIONS.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
                  </SelectField>
                  {action === "accept_risk" || action === "mark_false_positive" ? (
                    <TextField label="Justification" value={justification} onChange={(e) => setJustification(e.target.value)} required maxLength={2000} />
                  ) : null}
                  {action === "accept_risk" ? <TextField label="Re-open after (days)" type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} required /> : null}
                  {action === "set_severity" ? (
                    <SelectField label="New severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
                      {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
                    </SelectField>
                  ) : null}
                  {action === "notify_channel" ? (
                    channels.length ? (
                      <SelectField label="Channel" value={channelId} onChange={(e) => setChannelId(e.target.value)}>
                        {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                      </SelectField>
                    ) : (
                      <Alert tone="info">Create an alert channel first (Settings → Alerts).</Alert>
                    )
                  ) : null}
                  {action === "create_task" ? (
                    <>
                      <SelectField label="Assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
                        <option value="">Unassigned</option>
                        {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
                      </SelectField>
                      <TextField label="Due in (days)" type="number" min={0} max={3650} value={dueDays} onChange={(e) => setDueDays(e.target.value)} optional hint="Empty: no due date." />
                      <SelectField label="Priority" value={priority} onChange={(e) => setPriority(e.target.value as typeof priority)}>
                        {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
                      </SelectField>
                      <p className="text-xs text-slate-600">One task per open finding, unless it already has a task not done.</p>
                    </>
                  ) : null}
                  {action === "sync_integration" ? (
                    trackers.length ? (
                      <SelectField label="Issue tracker" value={integrationId} onChange={(e) => setIntegrationId(e.target.value)}>
                        {trackers.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                      </SelectField>
                    ) : (
                      <Alert tone="info">Connect an issue tracker first (Settings → Integrations).</Alert>
                    )
                  ) : null}
                </>
              )}
              {error ? <Alert tone="danger">{error}</Alert> : null}
              <div className="flex flex-wrap gap-2">
                <Button type="button" variant="secondary" onClick={preview} loading={pending && !previewCurrent}>
                  Preview
                </Button>
                <Button type="submit" disabled={!previewCurrent || !name.trim() || pending}>
                  Save policy
                </Button>
              </div>
              {!previewCurrent ? <p className="text-xs text-slate-600">Preview the policy to enable saving.</p> : null}
            </form>
            {res && previewCurrent ? (
              <section aria-labelledby="sim-heading" aria-live="polite" className="mt-5 border-t border-slate-200 pt-4">
                <h3 id="sim-heading" className="text-base font-semibold text-slate-900">Preview</h3>
                {res.kind === "gate" ? (
                  <>
                    <p className="mt-1 text-sm text-slate-700" data-testid="simulation-summary">
                      On the latest scans: {res.counts.failed ?? 0} would fail, {res.counts.passed ?? 0} would pass.
                    </p>
                    <ul className="mt-2 space-y-1 text-sm">
                      {res.gates.map((g) => (
                        <li key={g.domain_id} className="break-words">
                          <span className="font-medium">{g.host}</span>: {g.passed ? "passes" : `fails — ${g.reasons.join("; ")}`}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <>
                    <p className="mt-1 text-sm text-slate-700" data-testid="simulation-summary">
                      Would change {res.matched} finding{res.matched === 1 ? "" : "s"}
                      {Object.keys(res.counts).length ? ` (${Object.entries(res.counts).map(([k, v]) => `${k.replace(/_/g, " ")}: ${v}`).join(", ")})` : ""}; {res.skipped.human_decision} left alone because a
                      member decided them.
                    </p>
                    {res.rows.length ? (
                      <ul className="mt-2 max-h-72 space-y-1 overflow-y-auto text-sm">
                        {res.rows.map((r, i) => (
                          <li key={`${r.finding_id}-${i}`} className="break-words">
                            <span className="font-medium">{r.title}</span> <span className="text-slate-600">({r.host}, {r.rule})</span>: {describeRow(r, members, trackers)}
                            {r.skipped ? <Badge tone="neutral" className="ml-1">{r.skipped === "human_decision" ? "kept: member's decision" : "no change"}</Badge> : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {res.truncated ? <p className="mt-1 text-xs text-slate-600">Showing the first 100.</p> : null}
                  </>
                )}
              </section>
            ) : null}
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
