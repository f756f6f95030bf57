"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Alert, Badge, Button, Spinner } from "@/components/ui";
import { FindingStatusBadge, SeverityBadge } from "@/components/status/badges";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { updateFindingAction } from "@/app/o/[orgSlug]/findings/actions";
import { SEVERITIES, SEVERITY_LABELS, STATUSES, STATUS_LABELS } from "./labels";
import { Prose } from "./prose";
import { SafeUrl } from "./safe-url";
import type { AssigneeOption, FindingDetailView } from "./types";

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
            <FindingBody orgSlug={orgSlug} detail={detail} assignees={assignees} canWrite={canWrite} />
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

function FindingBody({ orgSlug, detail, assignees, canWrite }: { orgSlug: string; detail: FindingDetailView; assignees: AssigneeOption[]; canWrite: boolean }) {
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

      {canWrite ? <TriageForm orgSlug={orgSlug} detail={detail} assignees={assignees} /> : null}

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
      <Section title={`Affected pages (${detail.urls.length})`}>
        <ul tabIndex={0} aria-label="Affected pages" className="max-h-48 space-y-1 overflow-auto">
          {detail.urls.map((u, i) => (
            <li key={`${i}-${u}`}>
              <SafeUrl url={u} />
            </li>
          ))}
        </ul>
      </Section>
      <Section title="How to fix it">
        <Prose className="whitespace-pre-line break-words" text={detail.fix} />
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

function TriageForm({ orgSlug, detail, assignees }: { orgSlug: string; detail: FindingDetailView; assignees: AssigneeOption[] }) {
  const [status, setStatus] = useState<string>(detail.status);
  const [severity, setSeverity] = useState<string>(detail.severity);
  const [assignee, setAssignee] = useState<string>(detail.assigneeId ?? "");
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const ids = { status: useId(), severity: useId(), assignee: useId() };
  const changed = status !== detail.status || severity !== detail.severity || assignee !== (detail.assigneeId ?? "");

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Only what changed: re-sending the current severity would pin it as a person's override.
    const patch = {
      findingId: detail.id,
      ...(status !== detail.status ? { status } : {}),
      ...(severity !== detail.severity ? { severity } : {}),
      ...(assignee !== (detail.assigneeId ?? "") ? { assigneeId: assignee } : {}),
    };
    startTransition(async () => {
      const result = await updateFindingAction(orgSlug, patch);
      setMessage(result.ok ? { tone: "ok", text: "Saved." } : { tone: "error", text: result.error });
    });
  };

  return (
    <form onSubmit={onSubmit} aria-label="Triage" className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:grid-cols-3">
      <div>
        <label htmlFor={ids.status} className="block text-xs font-medium text-slate-700">
          Change status
        </label>
        <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value)} className={selectClass}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
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
