"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { SetupFields } from "@/lib/integrations/setup-fields";
import { Alert, Badge, Button, Card, CardBody, CardHeader, TextField } from "@/components/ui";
import {
  connectIntegrationAction,
  disconnectIntegrationAction,
  startOAuthAction,
  testIntegrationAction,
  updateIntegrationMappingAction,
} from "@/app/o/[orgSlug]/settings/integrations/actions";

export interface IntegrationView {
  provider: string;
  displayName: string;
  status: "connected" | "disconnected" | "syncing" | "error";
  account: string | null;
  baseUrl: string | null;
  defaultBaseUrl: string;
  requiredScopes: string[];
  oauthAvailable: boolean;
  webhookUrl: string | null;
  webhookSecret: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  links: { pending: number; open: number; closed: number };
  kind: "tracker" | "security" | "cdn" | "analytics";
  setup: SetupFields;
  /** The provider's target value (repository, project, project key, …); see setup.target. */
  target: string;
  labels: { always: string[]; byPillar: boolean; bySeverity: boolean };
  assignees: Record<string, string>;
}

const TONE = { connected: "success", syncing: "info", error: "danger", disconnected: "neutral" } as const;

/** One provider: status, connect (token or OAuth), test, mapping (repository, labels, assignees), webhook, disconnect. */
export function IntegrationCard({ orgSlug, view, members, canWrite }: { orgSlug: string; view: IntegrationView; members: { id: string; label: string }[]; canWrite: boolean }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [token, setToken] = useState("");
  const [baseUrl, setBaseUrl] = useState(view.baseUrl ?? "");
  const [target, setTarget] = useState(view.target);
  const [labels, setLabels] = useState(view.labels.always.join(", "));
  const [byPillar, setByPillar] = useState(view.labels.byPillar);
  const [bySeverity, setBySeverity] = useState(view.labels.bySeverity);
  const [assignees, setAssignees] = useState<Record<string, string>>(view.assignees);
  const connected = view.status !== "disconnected";
  const id = `integration-${view.provider}`;

  const run = (fn: () => Promise<{ ok: true; text: string } | { ok: false; text: string }>) =>
    startTransition(async () => {
      const r = await fn();
      setMessage({ tone: r.ok ? "success" : "danger", text: r.text });
    });

  const onConnect = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      const r = await connectIntegrationAction(orgSlug, { provider: view.provider, token, baseUrl: baseUrl || undefined, target: target || undefined });
      if (r.ok) setToken("");
      return r.ok ? { ok: true, text: `Connected as ${r.data.account}.` } : { ok: false, text: r.error };
    });
  };
  const onSaveMapping = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      const r = await updateIntegrationMappingAction(orgSlug, { provider: view.provider, target, labels, byPillar, bySeverity, assignees });
      return r.ok ? { ok: true, text: "Mapping saved." } : { ok: false, text: r.error };
    });
  };

  return (
    <Card>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span id={`${id}-title`}>{view.displayName}</span>
            <Badge tone={TONE[view.status]}>{view.status}</Badge>
          </span>
        }
        description={connected && view.account ? `Connected as ${view.account}${view.lastSyncAt ? ` · last sync ${new Date(view.lastSyncAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC` : ""}` : "Not connected."}
      />
      <CardBody>
        {/* Scope names and URLs are long unbroken words: let them wrap anywhere rather than widen a phone's page. */}
        <div className="space-y-5 [overflow-wrap:anywhere]">
          {view.lastError ? (
            <Alert tone="danger" title="Last error">
              <p className="break-words">{view.lastError}</p>
            </Alert>
          ) : null}
          {message ? (
            <div role="status">
              <Alert tone={message.tone}>
                <p className="break-words">{message.text}</p>
              </Alert>
            </div>
          ) : null}
          {connected ? (
            <p className="text-sm text-slate-700">
              Issues: {view.links.open} open, {view.links.closed} closed{view.links.pending ? `, ${view.links.pending} waiting to be filed` : ""}.
            </p>
          ) : null}

          {canWrite ? (
            <form onSubmit={onConnect} className="space-y-3" aria-labelledby={`${id}-title ${id}-connect`}>
              <h3 id={`${id}-connect`} className="text-sm font-semibold text-slate-900">
                {connected ? "Replace the token" : "Connect with a token"}
              </h3>
              <p className="text-sm text-slate-700">Needs: {view.requiredScopes.join("; ")}.</p>
              <TextField label="Personal access token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required />
              <TextField
                label="API base URL"
                optional
                hint={`Self-hosted or proxied only${view.setup.baseUrlExample ? ` (${view.setup.baseUrlExample})` : ""}. Default: ${view.defaultBaseUrl}`}
                value={baseUrl}
                onChange={(e) => setBaseUrl(e.target.value)}
                inputMode="url"
              />
              {!connected && view.setup.target ? <TextField label={view.setup.target.label} optional hint={view.setup.target.hint} value={target} onChange={(e) => setTarget(e.target.value)} /> : null}
              <div className="flex flex-wrap gap-2">
                <Button type="submit" loading={pending}>
                  {connected ? "Save token" : "Connect"}
                </Button>
                {view.oauthAvailable ? (
                  <Button
                    variant="secondary"
                    disabled={pending}
                    onClick={() =>
                      startTransition(async () => {
                        const r = await startOAuthAction(orgSlug, view.provider);
                        if (r.ok) window.location.assign(r.data.url);
                        else setMessage({ tone: "danger", text: r.error });
                      })
                    }
                  >
                    Connect with {view.displayName}
                  </Button>
                ) : null}
              </div>
            </form>
          ) : null}

          {connected && canWrite ? (
            <form onSubmit={onSaveMapping} className="space-y-3" aria-labelledby={`${id}-title ${id}-mapping`}>
              <h3 id={`${id}-mapping`} className="text-sm font-semibold text-slate-900">
                Mapping
              </h3>
              {view.setup.target ? <TextField label={view.setup.target.label} hint={view.setup.target.hint} value={target} onChange={(e) => setTarget(e.target.value)} /> : null}
              {view.kind === "tracker" ? (
                <>
                  <TextField label="Extra labels" optional hint="Comma-separated, added to every issue" value={labels} onChange={(e) => setLabels(e.target.value)} />
                  <fieldset className="space-y-1">
                    <legend className="text-sm font-medium text-slate-900">Labels by</legend>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" checked={byPillar} onChange={(e) => setByPillar(e.target.checked)} /> pillar (plumb:security, …)
                    </label>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" checked={bySeverity} onChange={(e) => setBySeverity(e.target.checked)} /> severity (severity:high, …)
                    </label>
                  </fieldset>
                  {members.length ? (
                    <fieldset className="space-y-2">
                      <legend className="text-sm font-medium text-slate-900">Assignees (Plumb member → {view.displayName} {view.provider === "gitlab" ? "username" : "login"})</legend>
                      {members.map((m) => (
                        <TextField key={m.id} label={m.label} optional value={assignees[m.id] ?? ""} onChange={(e) => setAssignees((a) => ({ ...a, [m.id]: e.target.value }))} />
                      ))}
                    </fieldset>
                  ) : null}
                </>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <Button type="submit" loading={pending}>
                  Save mapping
                </Button>
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() =>
                    run(async () => {
                      const r = await testIntegrationAction(orgSlug, view.provider);
                      return r.ok ? { ok: r.data.ok, text: r.data.message } : { ok: false, text: r.error };
                    })
                  }
                >
                  Test connection
                </Button>
                <Button
                  variant="danger"
                  disabled={pending}
                  onClick={() =>
                    run(async () => {
                      const r = await disconnectIntegrationAction(orgSlug, view.provider);
                      return r.ok ? { ok: true, text: "Disconnected. The token is forgotten; issue links are kept." } : { ok: false, text: r.error };
                    })
                  }
                >
                  Disconnect
                </Button>
              </div>
            </form>
          ) : null}

          {connected && view.webhookUrl ? (
            <section aria-labelledby={`${id}-title ${id}-webhook`} className="space-y-2 text-sm">
              <h3 id={`${id}-webhook`} className="font-semibold text-slate-900">
                Webhook
              </h3>
              {view.setup.webhookHowTo ? <p className="text-slate-700">{view.setup.webhookHowTo}</p> : null}
              <dl className="grid gap-1">
                <dt className="font-medium">Payload URL</dt>
                <dd>
                  <code className="block break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs" data-testid={`${view.provider}-webhook-url`}>
                    {view.webhookUrl}
                  </code>
                </dd>
                {view.webhookSecret ? (
                  <>
                    <dt className="font-medium">{view.setup.webhookSecretLabel}</dt>
                    <dd>
                      <code className="block break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs" data-testid={`${view.provider}-webhook-secret`}>
                        {view.webhookSecret}
                      </code>
                    </dd>
                  </>
                ) : null}
              </dl>
            </section>
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}
