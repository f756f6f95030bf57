"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Alert, Badge, Button, Spinner } from "@/components/ui";
import { FindingStatusBadge, SeverityBadge } from "@/components/status/badges";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { updateFindingAction } from "@/app/o/[orgSlug]/findings/actions";
import { RESOLUTION_LABELS, SEVERITIES, SEVERITY_LABELS, STATUSES, STATUS_LABELS } from "./labels";
import { Prose } from "./prose";
import { SafeUrl } from "./safe-url";
import type { AssigneeOption, FindingDetailView } from "./types";
import { RecheckSection } from "./recheck-section";
import { CommentForm } from "@/components/collab/comment-form";
import { CommentList } from "@/components/collab/comment-list";
import { CreateTaskButton } from "@/components/tasks/create-task-button";

export interface FindingDrawerProps {
  orgSlug: string;
  detail: FindingDetailView | null;
  /** The finding named in the URL does not exist (or belongs to another organization). */
  missing?: boolean;
  loading?: boolean;
  assignees: AssigneeOption[];
  canWrite: boolean;
  /** Where closing goes (the same view without the finding); null while loading. */
  closeHref: string | null;
}

const selectClass =
  "mt-1 block h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-sm " +
  "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600";

/**
 * One finding in a modal side panel (native <dialog>: focus stays inside, Esc closes, the page behind is
 * inert). Everything that came from the scanned site is rendered as text by React, never as HTML.
 */
export function FindingDrawer({ orgSlug, detail, missing, loading, assignees, canWrite, closeHref }: FindingDrawerProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const titleId = useId();
  // Kept here, not in the form: a save refreshes the finding, and the form is re-created from the new values (its
  // key), which would otherwise drop the "Saved." it has just shown.
  const [triageMessage, setTriageMessage] = useState<(TriageMessage & { findingId: string }) | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const onClose = () => {
    if (!closeHref) return;
    const id = detail?.id;
    router.replace(closeHref, { scroll: false });
    // Back to the row the finding was opened from.
    if (id) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-finding-link="${CSS.escape(id)}"]`)?.focus());
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside the panel) closes.
        if (e.target === ref.current) ref.current?.close();
      }}
      className="fixed inset-0 m-0 ml-auto h-dvh max-h-none w-full max-w-2xl overflow-hidden bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <h2 id={titleId} className="min-w-0 text-lg font-semibold break-words text-slate-900">
            {detail ? detail.title : loading ? "Loading finding…" : "Finding not found"}
          </h2>
          <form method="dialog">
            <Button type="submit" variant="ghost" size="sm" aria-label="Close finding details">
              Close
            </Button>
          </form>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4" tabIndex={-1}>
          {detail ? (
            <FindingBody orgSlug={orgSlug} detail={detail} assignees={assignees} canWrite={canWrite} triageMessage={triageMessage} onTriageMessage={setTriageMessage} />
          ) : loading ? (
            <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
              <Spinner /> Loading the finding…
            </p>
          ) : missing ? (
            <Alert tone="warning">This finding does not exist any more, or it belongs to another organization.</Alert>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-6">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <div className="mt-2 text-sm text-slate-800">{children}</div>
    </section>
  );
}

function FindingBody({
  orgSlug,
  detail,
  assignees,
  canWrite,
  triageMessage,
  onTriageMessage: setTriageMessage,
}: {
  orgSlug: string;
  detail: FindingDetailView;
  assignees: AssigneeOption[];
  canWrite: boolean;
  triageMessage: (TriageMessage & { findingId: string }) | null;
  onTriageMessage: (m: (TriageMessage & { findingId: string }) | null) => void;
}) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={detail.severity} />
        <FindingStatusBadge status={detail.status} />
        <Badge>{PILLAR_LABELS[detail.pillar]}</Badge>
        {detail.regression ? <Badge tone="danger">Regression</Badge> : null}
        {detail.severityOverridden ? <Badge tone="info">Severity set by a person</Badge> : null}
      </div>
      <p className="mt-2 text-xs text-slate-600">
        <span className="break-all">{detail.domainHost}</span> · rule <span className="font-mono break-all">{detail.rule}</span>
      </p>

      {canWrite ? (
        // Keyed by what it edits: its selects start from the finding's state, and must start over when that
        // state changes under it (a re-check resolved it, another finding opened in the same drawer).
        <TriageForm
          key={`${detail.id}:${detail.status}:${detail.severity}:${detail.assigneeId ?? ""}`}
          orgSlug={orgSlug}
          detail={detail}
          assignees={assignees}
          message={triageMessage?.findingId === detail.id ? triageMessage : null}
          onMessage={(m) => setTriageMessage(m && { ...m, findingId: detail.id })}
        />
      ) : null}

      <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
        {canWrite ? <CreateTaskButton orgSlug={orgSlug} findingIds={[detail.id]} defaultTitle={`Fix: ${detail.title}`} assignees={assignees} /> : null}
        {detail.tasks.map((t) => (
          <a key={t.id} href={`/o/${orgSlug}/tasks?task=${encodeURIComponent(t.id)}`} className="text-brand-700 underline">
            Task: {t.title} ({t.status === "done" ? "done" : t.status === "in_progress" ? "in progress" : "to do"})
          </a>
        ))}
      </div>

      <RecheckSection
        orgSlug={orgSlug}
        findingId={detail.id}
        canRecheck={canWrite && ["open", "in_progress", "accepted_risk"].includes(detail.status)}
        rechecks={detail.rechecks}
      />

      <Section title="What is wrong">
        <Prose className="whitespace-pre-line break-words" text={detail.description} />
      </Section>
      {detail.evidence ? (
        <Section title="Evidence">
          <pre tabIndex={0} role="region" aria-label="Evidence" className="max-h-64 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-100">
            {detail.evidence}
          </pre>
          {detail.selector ? (
            <p className="mt-2 text-xs text-slate-600">
              Element: <code className="font-mono break-all text-slate-800">{detail.selector}</code>
            </p>
          ) : null}
        </Section>
      ) : null}
      <Section title={`Where (${detail.pagesCount === 1 ? "1 page" : `${detail.pagesCount} pages`}, ${detail.instancesCount === 1 ? "1 instance" : `${detail.instancesCount} instances`})`}>
        <div tabIndex={0} role="region" aria-label="Instances" className="max-h-72 overflow-auto rounded-md border border-slate-200">
          <table className="w-full table-fixed text-left text-xs" data-testid="finding-instances">
            <thead className="sticky top-0 bg-slate-50">
              <tr>
                <th scope="col" className="w-2/5 px-2 py-1.5 font-medium">Page</th>
                <th scope="col" className="w-1/4 px-2 py-1.5 font-medium">{detail.instances.some((i) => i.selector) ? "Element" : "Asset"}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">Snippet</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {(detail.instances.length > 0 ? detail.instances : detail.urls.map((u, i) => ({ id: `u${i}`, url: u, selector: null, asset: null, snippet: null }))).map((inst) => (
                <tr key={inst.id}>
                  <td className="px-2 py-1.5">
                    <SafeUrl url={inst.url} />
                  </td>
                  <td className="px-2 py-1.5">
                    <code className="font-mono break-all text-slate-800">{inst.selector ?? inst.asset ?? "—"}</code>
                  </td>
                  <td className="px-2 py-1.5">
                    {inst.snippet ? <code className="block max-h-24 overflow-hidden font-mono whitespace-pre-wrap break-all text-slate-700">{inst.snippet}</code> : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {detail.instancesCount > detail.instances.length && detail.instances.length > 0 ? (
          <p className="mt-1 text-xs text-slate-600">
            Showing the latest {detail.instances.length}; the API lists them all (<code className="font-mono">GET /api/v1/findings/{"{id}"}/instances</code>).
          </p>
        ) : null}
      </Section>
      <Section title="How to fix it">
        <Prose className="whitespace-pre-line break-words" text={detail.fix} />
      </Section>
      <Section title="Comments">
        <CommentList comments={detail.comments} />
        {canWrite ? <CommentForm orgSlug={orgSlug} target={{ findingId: detail.id }} /> : null}
      </Section>
      <Section title="History">
        <dl className="grid grid-cols-[9rem_1fr] gap-y-1.5">
          <dt className="text-slate-600">First seen</dt>
          <dd>
            <time dateTime={detail.firstSeen.iso}>{detail.firstSeen.label}</time>
          </dd>
          <dt className="text-slate-600">Last seen</dt>
          <dd>
            <time dateTime={detail.lastSeen.iso}>{detail.lastSeen.label}</time>
          </dd>
          {detail.resolvedAt ? (
            <>
              <dt className="text-slate-600">Resolved</dt>
              <dd>
                <time dateTime={detail.resolvedAt.iso}>{detail.resolvedAt.label}</time>
                {detail.resolution ? <span className="ml-1 text-slate-600">({RESOLUTION_LABELS[detail.resolution] ?? detail.resolution})</span> : null}
              </dd>
            </>
          ) : null}
          {detail.acceptedUntil ? (
            <>
              <dt className="text-slate-600">Accepted until</dt>
              <dd>
                <time dateTime={detail.acceptedUntil.iso}>{detail.acceptedUntil.label}</time>
              </dd>
            </>
          ) : null}
          <dt className="text-slate-600">Regressions</dt>
          <dd>
            {detail.regressionCount === 0
              ? "Never came back after being resolved"
              : `Came back ${detail.regressionCount} time${detail.regressionCount === 1 ? "" : "s"} after being resolved`}
            {detail.regressedAt ? (
              <>
                , last on <time dateTime={detail.regressedAt.iso}>{detail.regressedAt.label}</time>
              </>
            ) : null}
          </dd>
        </dl>
        {detail.history.length > 0 ? (
          <ol aria-label="Triage history" className="mt-3 space-y-2" data-testid="finding-history">
            {detail.history.map((h) => (
              <li key={h.id} className="rounded-md border border-slate-200 px-3 py-2 text-xs">
                <p className="text-slate-800">
                  <span className="font-medium break-all">{h.who}</span>{" "}
                  {h.kind === "merged"
                    ? "merged this finding"
                    : h.kind === "expired"
                      ? "re-opened it: the accepted risk expired"
                      : h.kind === "task"
                        ? "created a task for it"
                        : h.kind === "sync"
                          ? "sent it to an issue tracker"
                          : h.to
                        ? <>set status {h.from ? <>from {STATUS_LABELS[h.from]} </> : null}to <strong>{STATUS_LABELS[h.to]}</strong></>
                        : "triaged it"}
                  {" · "}
                  <time dateTime={h.at.iso}>{h.at.label}</time>
                </p>
                {h.justification ? (
                  <p className="mt-1 whitespace-pre-line break-words text-slate-700">
                    {h.kind === "task" || h.kind === "sync" ? h.justification : <>Why: {h.justification}</>}
                  </p>
                ) : null}
                {h.acceptedUntil && h.kind !== "expired" ? <p className="mt-1 text-slate-600">Accepted until {h.acceptedUntil}</p> : null}
              </li>
            ))}
          </ol>
        ) : null}
        <div className="mt-3 overflow-x-auto rounded-md border border-slate-200">
          <table className="min-w-full text-left text-xs">
            <caption className="px-3 py-2 text-left font-medium text-slate-700">
              Seen in {detail.occurrenceCount} scan{detail.occurrenceCount === 1 ? "" : "s"}
              {detail.occurrenceCount > detail.occurrences.length ? ` (latest ${detail.occurrences.length})` : ""}
            </caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">Scan</th>
                <th scope="col" className="px-3 py-1.5 font-medium">Severity</th>
                <th scope="col" className="px-3 py-1.5 font-medium">Pages</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {detail.occurrences.map((o) => (
                <tr key={o.id}>
                  <td className="px-3 py-1.5">
                    <time dateTime={o.seen.iso}>{o.seen.label}</time>
                  </td>
                  <td className="px-3 py-1.5">{SEVERITY_LABELS[o.severity]}</td>
                  <td className="px-3 py-1.5 tabular-nums">{o.pages}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </>
  );
}

type TriageMessage = { tone: "ok" | "error"; text: string };

function TriageForm({
  orgSlug,
  detail,
  assignees,
  message,
  onMessage: setMessage,
}: {
  orgSlug: string;
  detail: FindingDetailView;
  assignees: AssigneeOption[];
  message: TriageMessage | null;
  onMessage: (m: TriageMessage | null) => void;
}) {
  const [status, setStatus] = useState<string>(detail.status);
  const [severity, setSeverity] = useState<string>(detail.severity);
  const [assignee, setAssignee] = useState<string>(detail.assigneeId ?? "");
  const [justification, setJustification] = useState("");
  const [acceptedUntil, setAcceptedUntil] = useState("");
  const [pending, startTransition] = useTransition();
  const ids = { status: useId(), severity: useId(), assignee: useId(), why: useId(), until: useId(), whyHelp: useId() };
  // Marking a finding as not a problem is a decision a team must be able to read back: say why.
  const needsWhy = status !== detail.status && (status === "false_positive" || status === "accepted_risk");
  const changed = status !== detail.status || severity !== detail.severity || assignee !== (detail.assigneeId ?? "");

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Only what changed: re-sending the current severity would pin it as a person's override.
    const patch = {
      findingId: detail.id,
      ...(status !== detail.status ? { status } : {}),
      ...(severity !== detail.severity ? { severity } : {}),
      ...(assignee !== (detail.assigneeId ?? "") ? { assigneeId: assignee } : {}),
      ...(needsWhy ? { justification: justification.trim() } : {}),
      ...(needsWhy && status === "accepted_risk" && acceptedUntil ? { acceptedUntil } : {}),
    };
    if (needsWhy && !justification.trim()) {
      setMessage({ tone: "error", text: "Say why before marking it " + STATUS_LABELS[status as keyof typeof STATUS_LABELS].toLowerCase() + "." });
      return;
    }
    startTransition(async () => {
      const result = await updateFindingAction(orgSlug, patch);
      setMessage(result.ok ? { tone: "ok", text: "Saved." } : { tone: "error", text: result.error });
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Triage" className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:grid-cols-3">
      <div>
        <label htmlFor={ids.status} className="block text-xs font-medium text-slate-700">
          Change status
        </label>
        <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value)} className={selectClass}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === "resolved" && detail.status === "resolved" && detail.resolution
                ? `${STATUS_LABELS[s]} (${RESOLUTION_LABELS[detail.resolution] ?? detail.resolution})`
                : STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.severity} className="block text-xs font-medium text-slate-700">
          Change severity
        </label>
        <select id={ids.severity} value={severity} onChange={(e) => setSeverity(e.target.value)} className={selectClass}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
          {detail.severityOverridden ? <option value="">Back to the scanner&apos;s severity</option> : null}
        </select>
      </div>
      <div>
        <label htmlFor={ids.assignee} className="block text-xs font-medium text-slate-700">
          Assignee
        </label>
        <select id={ids.assignee} value={assignee} onChange={(e) => setAssignee(e.target.value)} className={selectClass}>
          <option value="">Unassigned</option>
          {assignees.map((a) => (
            <option key={a.userId} value={a.userId}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      {needsWhy ? (
        <div className="grid gap-3 sm:col-span-3 sm:grid-cols-3">
          <div className="sm:col-span-2">
            <label htmlFor={ids.why} className="block text-xs font-medium text-slate-700">
              Justification <span className="text-red-700">(required)</span>
            </label>
            <textarea
              id={ids.why}
              required
              aria-required="true"
              aria-describedby={ids.whyHelp}
              aria-invalid={message?.tone === "error" && !justification.trim() ? true : undefined}
              maxLength={2000}
              rows={3}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
            />
            <p id={ids.whyHelp} className="mt-1 text-xs text-slate-600">
              Kept in the history with your name and the date.
            </p>
          </div>
          {status === "accepted_risk" ? (
            <div>
              <label htmlFor={ids.until} className="block text-xs font-medium text-slate-700">
                Accepted until (optional)
              </label>
              <input
                id={ids.until}
                type="date"
                value={acceptedUntil}
                min={new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}
                onChange={(e) => setAcceptedUntil(e.target.value)}
                className={selectClass}
              />
              <p className="mt-1 text-xs text-slate-600">It re-opens after this day.</p>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <Button type="submit" size="sm" disabled={!changed} loading={pending}>
          Save changes
        </Button>
        <p role="status" className={message?.tone === "error" ? "text-sm font-medium text-red-700" : "text-sm text-green-800"}>
          {message?.text ?? ""}
        </p>
      </div>
    </form>
  );
}
