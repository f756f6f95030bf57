import Link from "next/link";
import { Badge, EmptyState, formatDate } from "@/components/ui";
import { SeverityBadge } from "@/components/status/badges";
import type { TaskWithLinks } from "@/lib/services/tasks/task-shape";
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from "./labels";

export interface TasksViewProps {
  tasks: TaskWithLinks[];
  view: "list" | "board";
  /** href of a task's panel */
  taskHref: (id: string) => string;
  now: Date;
  emptyTitle: string;
}

const PRIORITY_TONE: Record<string, "danger" | "warning" | "info" | "neutral"> = { urgent: "danger", high: "warning", medium: "info", low: "neutral" };

function Due({ task, now }: { task: TaskWithLinks; now: Date }) {
  if (!task.dueAt) return <span className="text-slate-500">No due date</span>;
  const overdue = task.status !== "done" && task.dueAt < now;
  return (
    <span className={overdue ? "font-medium text-red-700" : "text-slate-700"}>
      {overdue ? "Overdue · " : "Due "}
      <time dateTime={task.dueAt.toISOString()}>{formatDate(task.dueAt)}</time>
    </span>
  );
}

function TaskCard({ task, href, now }: { task: TaskWithLinks; href: string; now: Date }) {
  const worst = task.findings[0]?.finding;
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
      <h3 className="text-sm font-semibold break-words">
        <Link href={href} className="text-slate-900 hover:text-brand-700 hover:underline" data-task-link={task.id}>
          {task.title}
        </Link>
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-1.5 text-xs">
        <Badge tone={PRIORITY_TONE[task.priority]}>{TASK_PRIORITY_LABELS[task.priority]}</Badge>
        {worst ? <SeverityBadge severity={worst.severity} /> : null}
        <span className="text-slate-600">
          {task.findings.length} finding{task.findings.length === 1 ? "" : "s"}
        </span>
      </div>
      <p className="mt-2 text-xs">
        <Due task={task} now={now} />
      </p>
      <p className="mt-1 truncate text-xs text-slate-600">{task.assignee ? (task.assignee.name ?? task.assignee.email) : "Unassigned"}</p>
    </article>
  );
}

/** Tasks as a board (one column per status) or a list (a table that becomes cards on phones). */
export function TasksView({ tasks, view, taskHref, now, emptyTitle }: TasksViewProps) {
  if (tasks.length === 0) {
    return <EmptyState className="mt-4" title={emptyTitle} description={<p>Create tasks from the findings table (select findings, then “Create task”) or from a finding’s details.</p>} />;
  }
  if (view === "board") {
    return (
      <div className="mt-4 grid gap-4 md:grid-cols-3">
        {(["todo", "in_progress", "done"] as const).map((status) => {
          const column = tasks.filter((t) => t.status === status);
          return (
            <section key={status} aria-label={TASK_STATUS_LABELS[status]} className="min-w-0 rounded-lg bg-slate-50 p-2">
              <h2 className="px-1 py-1 text-sm font-semibold text-slate-800">
                {TASK_STATUS_LABELS[status]} <span className="font-normal text-slate-500">({column.length})</span>
              </h2>
              <ul className="mt-1 space-y-2">
                {column.map((t) => (
                  <li key={t.id}>
                    <TaskCard task={t} href={taskHref(t.id)} now={now} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    );
  }
  return (
    <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {tasks.map((t) => (
        <li key={t.id} className="grid gap-1 px-3 py-2.5 text-sm sm:grid-cols-[minmax(0,1fr)_7rem_8rem_10rem_10rem] sm:items-center sm:gap-3">
          <Link href={taskHref(t.id)} className="min-w-0 font-medium break-words text-slate-900 hover:text-brand-700 hover:underline" data-task-link={t.id}>
            {t.title}
          </Link>
          <span>
            <Badge tone={t.status === "done" ? "success" : "neutral"}>{TASK_STATUS_LABELS[t.status]}</Badge>
          </span>
          <span>
            <Badge tone={PRIORITY_TONE[t.priority]}>{TASK_PRIORITY_LABELS[t.priority]}</Badge>
          </span>
          <span className="truncate text-slate-600">{t.assignee ? (t.assignee.name ?? t.assignee.email) : "Unassigned"}</span>
          <span className="text-xs">
            <Due task={t} now={now} />
          </span>
        </li>
      ))}
    </ul>
  );
}
