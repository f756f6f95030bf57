"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { bulkUpdateFindingsAction } from "@/app/o/[orgSlug]/findings/actions";
import { SEVERITIES, SEVERITY_LABELS, STATUSES, STATUS_LABELS } from "./labels";
import type { AssigneeOption } from "./types";
import { CreateTaskButton } from "@/components/tasks/create-task-button";

const selectClass =
  "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 " +
  "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 disabled:bg-slate-100 disabled:text-slate-500";

/** Status and severity changes for the selected findings, one bulk-update call each. */
export function BulkBar({
  orgSlug,
  selectedIds,
  selectedTitles,
  assignees,
  onDone,
}: {
  orgSlug: string;
  selectedIds: string[];
  selectedTitles: string[];
  assignees: AssigneeOption[];
  onDone: () => void;
}) {
  const [status, setStatus] = useState("");
  const [severity, setSeverity] = useState("");
  const [justification, setJustification] = useState("");
  const [acceptedUntil, setAcceptedUntil] = useState("");
  const whyId = useId();
  const untilId = useId();
  const needsWhy = status === "false_positive" || status === "accepted_risk";
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const statusId = useId();
  const severityId = useId();
  const count = selectedIds.length;
  const none = count === 0;

  const apply = (change: { status?: string; severity?: string; justification?: string; acceptedUntil?: string }) =>
    startTransition(async () => {
      const result = await bulkUpdateFindingsAction(orgSlug, { ids: selectedIds, ...change });
      if (result.ok) {
        setMessage({ tone: "ok", text: `Updated ${result.data.updated} finding${result.data.updated === 1 ? "" : "s"}.` });
        setStatus("");
        setSeverity("");
        setJustification("");
        setAcceptedUntil("");
        onDone();
      } else {
        setMessage({ tone: "error", text: result.error });
      }
    });

  return (
    <section aria-label="Bulk actions" className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <p className="font-medium text-slate-800" aria-live="polite">
        {none ? "Select findings to change several at once" : `${count} selected`}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={statusId} className="w-full text-slate-700 sm:w-auto">
          Status for selected
        </label>
        <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value)} disabled={none || pending} className={selectClass}>
          <option value="">Choose…</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <Button
          size="sm"
          variant="secondary"
          disabled={none || !status || (needsWhy && !justification.trim())}
          loading={pending && Boolean(status)}
          onClick={() =>
            apply({
              status,
              ...(needsWhy ? { justification: justification.trim() } : {}),
              ...(status === "accepted_risk" && acceptedUntil ? { acceptedUntil } : {}),
            })
          }
        >
          Apply status
        </Button>
      </div>
      {needsWhy ? (
        <div className="flex w-full flex-wrap items-end gap-2">
          <label htmlFor={whyId} className="flex min-w-0 flex-1 basis-64 flex-col text-slate-700">
            Justification (required)
            <input
              id={whyId}
              required
              aria-required="true"
              maxLength={2000}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              placeholder="Why is this not a problem to fix?"
              className={`${selectClass} mt-1 w-full min-w-0`}
            />
          </label>
          {status === "accepted_risk" ? (
            <label htmlFor={untilId} className="flex flex-col text-slate-700">
              Accepted until (optional)
              <input id={untilId} type="date" value={acceptedUntil} onChange={(e) => setAcceptedUntil(e.target.value)} className={`${selectClass} mt-1`} />
            </label>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={severityId} className="w-full text-slate-700 sm:w-auto">
          Severity for selected
        </label>
        <select id={severityId} value={severity} onChange={(e) => setSeverity(e.target.value)} disabled={none || pending} className={selectClass}>
          <option value="">Choose…</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
        <Button size="sm" variant="secondary" disabled={none || !severity} loading={pending && Boolean(severity)} onClick={() => apply({ severity })}>
          Apply severity
        </Button>
      </div>
      {!none ? (
        <CreateTaskButton
          orgSlug={orgSlug}
          findingIds={selectedIds}
          assignees={assignees}
          defaultTitle={count === 1 ? `Fix: ${selectedTitles[0] ?? "finding"}` : `Fix ${count} findings`}
          label={`Create task from ${count} selected`}
        />
      ) : null}
      {!none ? (
        <Button size="sm" variant="ghost" onClick={onDone} disabled={pending}>
          Clear selection
        </Button>
      ) : null}
      <p role="status" className={message?.tone === "error" ? "font-medium text-red-700" : "text-green-800"}>
        {message?.text ?? ""}
      </p>
    </section>
  );
}
