"use client";

import Link from "next/link";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { createTaskAction } from "@/app/o/[orgSlug]/tasks/actions";
import type { AssigneeOption } from "@/components/findings/types";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600";

/** "Create task" for one finding (drawer) or "Create task from N selected" (findings table): a small dialog. */
export function CreateTaskButton({
  orgSlug,
  findingIds,
  defaultTitle,
  assignees,
  label,
}: {
  orgSlug: string;
  findingIds: string[];
  defaultTitle: string;
  assignees: AssigneeOption[];
  label?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const ids = { title: useId(), description: useId(), assignee: useId(), due: useId(), priority: useId(), heading: useId() };
  const count = findingIds.length;
  const text = label ?? (count === 1 ? "Create task" : `Create task from ${count} selected`);
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        disabled={count === 0}
        onClick={() => {
          setCreated(null);
          setError("");
          ref.current?.showModal();
        }}
      >
        {text}
      </Button>
      <dialog ref={ref} aria-labelledby={ids.heading} className="m-auto w-[min(32rem,calc(100vw-1.5rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form
          className="p-5"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            startTransition(async () => {
              const r = await createTaskAction(orgSlug, {
                findingIds,
                title: String(form.get("title") ?? ""),
                description: String(form.get("description") ?? ""),
                assigneeId: String(form.get("assigneeId") ?? ""),
                dueDate: String(form.get("dueDate") ?? ""),
                priority: String(form.get("priority") ?? "medium"),
              });
              if (r.ok) setCreated(r.data.id);
              else setError(r.error);
            });
          }}
        >
          <h2 id={ids.heading} className="text-lg font-semibold text-slate-900">
            New task for {count} finding{count === 1 ? "" : "s"}
          </h2>
          {created ? (
            <div className="mt-4 text-sm">
              <p role="status" className="text-green-800">
                Task created.
              </p>
              <div className="mt-4 flex gap-2">
                <Link className="font-medium text-brand-700 underline" href={`/o/${orgSlug}/tasks?task=${encodeURIComponent(created)}`}>
                  Open the task
                </Link>
                <Button type="button" size="sm" variant="ghost" onClick={() => ref.current?.close()}>
                  Close
                </Button>
              </div>
            </div>
          ) : (
            <>
              <label htmlFor={ids.title} className="mt-4 block text-sm font-medium text-slate-800">
                Title
                <input id={ids.title} name="title" required maxLength={200} defaultValue={defaultTitle.slice(0, 200)} className={inputClass} />
              </label>
              <label htmlFor={ids.description} className="mt-3 block text-sm font-medium text-slate-800">
                Description (markdown, optional)
                <textarea id={ids.description} name="description" rows={3} maxLength={20_000} className={inputClass} />
              </label>
              <div className="mt-3 grid gap-3 sm:grid-cols-3">
                <label htmlFor={ids.assignee} className="block text-sm font-medium text-slate-800">
                  Assignee
                  <select id={ids.assignee} name="assigneeId" defaultValue="" className={inputClass}>
                    <option value="">Nobody</option>
                    {assignees.map((a) => (
                      <option key={a.userId} value={a.userId}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label htmlFor={ids.due} className="block text-sm font-medium text-slate-800">
                  Due
                  <input id={ids.due} name="dueDate" type="date" className={inputClass} />
                </label>
                <label htmlFor={ids.priority} className="block text-sm font-medium text-slate-800">
                  Priority
                  <select id={ids.priority} name="priority" defaultValue="medium" className={inputClass}>
                    <option value="low">Low</option>
                    <option value="medium">Medium</option>
                    <option value="high">High</option>
                    <option value="urgent">Urgent</option>
                  </select>
                </label>
              </div>
              <p role="status" className="mt-3 text-sm font-medium text-red-700">
                {error}
              </p>
              <div className="mt-4 flex justify-end gap-2">
                <Button type="button" size="sm" variant="ghost" onClick={() => ref.current?.close()}>
                  Cancel
                </Button>
                <Button type="submit" size="sm" loading={pending}>
                  Create task
                </Button>
              </div>
            </>
          )}
        </form>
      </dialog>
    </>
  );
}
