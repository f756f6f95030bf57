"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { updateTaskAction } from "@/app/o/[orgSlug]/tasks/actions";
import type { AssigneeOption } from "@/components/findings/types";
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from "./labels";

const inputClass =
  "mt-1 block h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600";

/** Status, priority, assignee and due date of one task. */
export function TaskEdit({
  orgSlug,
  task,
  assignees,
}: {
  orgSlug: string;
  task: { id: string; status: string; priority: string; assigneeId: string | null; dueDate: string };
  assignees: AssigneeOption[];
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const ids = { status: useId(), priority: useId(), assignee: useId(), due: useId() };
  return (
    <form
      aria-label="Edit task"
      className="grid gap-3 sm:grid-cols-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        startTransition(async () => {
          const r = await updateTaskAction(orgSlug, {
            taskId: task.id,
            status: String(f.get("status")),
            priority: String(f.get("priority")),
            assigneeId: String(f.get("assigneeId") ?? ""),
            dueDate: String(f.get("dueDate") ?? ""),
          });
          setMessage(r.ok ? { ok: true, text: "Saved." } : { ok: false, text: r.error });
          if (r.ok) router.refresh();
        });
      }}
    >
      <label htmlFor={ids.status} className="text-sm font-medium text-slate-800">
        Status
        <select id={ids.status} name="status" defaultValue={task.status} className={inputClass}>
          {Object.entries(TASK_STATUS_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.priority} className="text-sm font-medium text-slate-800">
        Priority
        <select id={ids.priority} name="priority" defaultValue={task.priority} className={inputClass}>
          {Object.entries(TASK_PRIORITY_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.assignee} className="text-sm font-medium text-slate-800">
        Assignee
        <select id={ids.assignee} name="assigneeId" defaultValue={task.assigneeId ?? ""} className={inputClass}>
          <option value="">Nobody</option>
          {assignees.map((a) => (
            <option key={a.userId} value={a.userId}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.due} className="text-sm font-medium text-slate-800">
        Due
        <input id={ids.due} name="dueDate" type="date" defaultValue={task.dueDate} className={inputClass} />
      </label>
      <div className="flex items-center gap-3 sm:col-span-4">
        <Button type="submit" size="sm" loading={pending}>
          Save task
        </Button>
        <p role="status" className={message?.ok ? "text-sm text-green-800" : "text-sm font-medium text-red-700"}>
          {message?.text ?? ""}
        </p>
      </div>
    </form>
  );
}
