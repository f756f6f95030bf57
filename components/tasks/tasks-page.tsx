import Link from "next/link";
import { z } from "zod";
import { Alert, formatDateTime, PageHeader } from "@/components/ui";
import { FindingStatusBadge, SeverityBadge } from "@/components/status/badges";
import { CommentForm } from "@/components/collab/comment-form";
import { CommentList } from "@/components/collab/comment-list";
import { Markdown } from "@/components/collab/markdown";
import type { AssigneeOption } from "@/components/findings/types";
import { getPrisma } from "@/lib/db";
import { listComments } from "@/lib/services/comments/list-comments";
import { isServiceError } from "@/lib/services/errors";
import { listOrganizationMembers } from "@/lib/services/organizations/list-members";
import { getTask, listTaskEvents } from "@/lib/services/tasks/get-task";
import { listTasks } from "@/lib/services/tasks/list-tasks";
import { OverdueTasksCard } from "./overdue-tasks-card";
import { TaskEdit } from "./task-edit";
import { TasksView } from "./tasks-view";
import { TASK_EVENT_LABELS, TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from "./labels";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (first(v) === "" ? undefined : first(v)), s.optional()).catch(undefined);
const querySchema = z.object({
  view: opt(z.enum(["list", "board"])),
  assignee: opt(z.string().max(64)),
  domain: opt(z.string().max(64)),
  due: opt(z.enum(["overdue", "today", "week", "none"])),
  status: opt(z.enum(["todo", "in_progress", "done", "open"])),
  task: opt(z.string().max(64)),
});
type TasksQuery = z.infer<typeof querySchema>;

const selectClass = "mt-1 block h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

/** The tasks screen; `mine` makes it "My work" (the signed-in member's tasks, assignee fixed). */
export async function TasksPage({
  orgSlug,
  orgId,
  userId,
  canWrite,
  mine,
  rawQuery,
}: {
  orgSlug: string;
  orgId: string;
  userId: string;
  canWrite: boolean;
  mine: boolean;
  rawQuery: Record<string, string | string[] | undefined>;
}) {
  const q: TasksQuery = querySchema.parse(rawQuery);
  const path = mine ? `/o/${orgSlug}/tasks/my-work` : `/o/${orgSlug}/tasks`;
  const href = (changes: Partial<Record<keyof TasksQuery, string | undefined>>) => {
    const next = { ...q, ...changes };
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) sp.set(k, v);
    const s = sp.toString();
    return s ? `${path}?${s}` : path;
  };
  const view = q.view ?? "board";
  const now = new Date();
  const db = await getPrisma();
  const domains = await db.domain.findMany({ where: { organizationId: orgId }, select: { id: true, host: true }, orderBy: { host: "asc" }, take: 200 });
  const members: AssigneeOption[] = (await listOrganizationMembers(orgId))
    .filter((m) => m.status === "active" && m.userId)
    .map((m) => ({ userId: m.userId as string, label: m.name ? `${m.name} (${m.email})` : m.email }));
  const page = await listTasks({
    orgId,
    limit: 100,
    assigneeId: mine ? userId : q.assignee,
    domainId: q.domain,
    due: q.due,
    status: q.status === "open" ? ["todo", "in_progress"] : q.status ? [q.status] : undefined,
    now,
  });

  let panel: React.ReactNode = null;
  if (q.task) {
    try {
      const task = await getTask({ orgId, taskId: q.task });
      const { events, users } = await listTaskEvents({ orgId, taskId: task.id });
      const comments = await listComments({ orgId, target: { taskId: task.id } });
      const who = (id: string | null) => {
        if (!id) return "nobody";
        const u = users.get(id);
        return u ? (u.name ?? u.email) : "a former member";
      };
      const describe = (e: (typeof events)[number]) => {
        if (e.kind === "status" || e.kind === "auto_done") return `${TASK_STATUS_LABELS[e.fromValue ?? ""] ?? e.fromValue ?? ""} → ${TASK_STATUS_LABELS[e.toValue ?? ""] ?? e.toValue ?? ""}`;
        if (e.kind === "priority") return `${TASK_PRIORITY_LABELS[e.fromValue ?? ""] ?? "—"} → ${TASK_PRIORITY_LABELS[e.toValue ?? ""] ?? "—"}`;
        if (e.kind === "assignee") return `${who(e.fromValue)} → ${who(e.toValue)}`;
        if (e.kind === "due") return `${e.fromValue ? e.fromValue.slice(0, 10) : "none"} → ${e.toValue ? e.toValue.slice(0, 10) : "none"}`;
        if (e.kind === "title") return `“${e.toValue ?? ""}”`;
        return "";
      };
      panel = (
        <section aria-labelledby="task-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 id="task-title" className="min-w-0 text-lg font-semibold break-words text-slate-900">
              {task.title}
            </h2>
            <Link href={href({ task: undefined })} className="text-sm font-medium text-brand-700 underline">
              Close
            </Link>
          </div>
          <p className="mt-1 text-sm text-slate-600" data-testid="task-status">
            {TASK_STATUS_LABELS[task.status]} · {TASK_PRIORITY_LABELS[task.priority]} priority · {task.assignee ? `assigned to ${task.assignee.name ?? task.assignee.email}` : "unassigned"}
            {task.dueAt ? ` · due ${task.dueAt.toISOString().slice(0, 10)}` : ""}
          </p>
          {task.description ? <Markdown text={task.description} className="mt-3" /> : null}
          {canWrite ? (
            <div className="mt-4">
              <TaskEdit
                orgSlug={orgSlug}
                assignees={members}
                task={{ id: task.id, status: task.status, priority: task.priority, assigneeId: task.assigneeId, dueDate: task.dueAt ? task.dueAt.toISOString().slice(0, 10) : "" }}
              />
            </div>
          ) : null}
          <h3 className="mt-5 text-sm font-semibold text-slate-900">Findings</h3>
          <ul className="mt-2 space-y-1.5 text-sm">
            {task.findings.map(({ finding: f }) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={f.severity} />
                <FindingStatusBadge status={f.status} />
                <Link className="min-w-0 break-words text-brand-700 underline" href={`/o/${orgSlug}/findings?finding=${encodeURIComponent(f.id)}&resolved=1`}>
                  {f.title}
                </Link>
                <span className="text-xs break-all text-slate-500">{f.domain.host}</span>
              </li>
            ))}
          </ul>
          <h3 className="mt-5 text-sm font-semibold text-slate-900">History</h3>
          <ol className="mt-2 space-y-1 text-sm text-slate-700" aria-label="Task history">
            {events.map((e) => (
              <li key={e.id}>
                <time className="text-slate-500" dateTime={e.createdAt.toISOString()}>
                  {formatDateTime(e.createdAt)}
                </time>{" "}
                <span className="font-medium">{e.actor ? (e.actor.name ?? e.actor.email) : e.apiKeyId ? "An API key" : "Plumb"}</span> {TASK_EVENT_LABELS[e.kind] ?? e.kind}{" "}
                {describe(e)}
                {e.note ? <span className="text-slate-600"> — {e.note}</span> : null}
              </li>
            ))}
          </ol>
          <h3 className="mt-5 text-sm font-semibold text-slate-900">Comments</h3>
          <div className="mt-2">
            <CommentList
              comments={comments.map((c) => ({
                id: c.id,
                who: c.author ? (c.author.name ?? c.author.email) : "An API key",
                at: { iso: c.createdAt.toISOString(), label: formatDateTime(c.createdAt) },
                body: c.body,
              }))}
            />
            {canWrite ? <CommentForm orgSlug={orgSlug} target={{ taskId: task.id }} /> : null}
          </div>
        </section>
      );
    } catch (err) {
      if (!isServiceError(err)) throw err;
      panel = (
        <Alert tone="warning" className="mt-6">
          This task does not exist any more, or it belongs to another organization.
        </Alert>
      );
    }
  }

  return (
    <>
      <PageHeader
        title={mine ? "My work" : "Tasks"}
        description={mine ? "Tasks assigned to you, across every domain." : "Fixes in progress: who does what by when. A task closes itself when all its findings are resolved by a scan or a re-check."}
        actions={
          <nav aria-label="Task views" className="flex gap-3 text-sm font-medium">
            <Link href={`/o/${orgSlug}/tasks`} aria-current={mine ? undefined : "page"} className={mine ? "text-brand-700 underline" : "text-slate-900"}>
              All tasks
            </Link>
            <Link href={`/o/${orgSlug}/tasks/my-work`} aria-current={mine ? "page" : undefined} className={mine ? "text-slate-900" : "text-brand-700 underline"}>
              My work
            </Link>
          </nav>
        }
      />
      <div className="mt-2">
        <OverdueTasksCard orgId={orgId} orgSlug={orgSlug} assigneeId={mine ? userId : undefined} limit={3} />
      </div>
      <form method="get" action={path} aria-label="Filter tasks" className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <input type="hidden" name="view" value={view} />
        {mine ? null : (
          <label className="text-sm font-medium text-slate-800">
            Assignee
            <select name="assignee" defaultValue={q.assignee ?? ""} className={selectClass}>
              <option value="">Anyone</option>
              <option value="none">Unassigned</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm font-medium text-slate-800">
          Domain
          <select name="domain" defaultValue={q.domain ?? ""} className={selectClass}>
            <option value="">All domains</option>
            {domains.map((d) => (
              <option key={d.id} value={d.id}>
                {d.host}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          Due
          <select name="due" defaultValue={q.due ?? ""} className={selectClass}>
            <option value="">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="today">By today</option>
            <option value="week">Within a week</option>
            <option value="none">No due date</option>
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          Status
          <select name="status" defaultValue={q.status ?? ""} className={selectClass}>
            <option value="">Any status</option>
            <option value="open">Not done</option>
            <option value="todo">To do</option>
            <option value="in_progress">In progress</option>
            <option value="done">Done</option>
          </select>
        </label>
        <button type="submit" className="h-9 rounded-md bg-brand-700 px-3 text-sm font-medium text-white hover:bg-brand-800">
          Apply filters
        </button>
      </form>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-700">
          {page.items.length}
          {page.nextCursor ? "+" : ""} task{page.items.length === 1 ? "" : "s"}
        </p>
        <div role="group" aria-label="Layout" className="inline-flex rounded-md border border-slate-300">
          <Link href={href({ view: "board" })} aria-current={view === "board" ? "true" : undefined} className={`px-3 py-1 ${view === "board" ? "bg-slate-900 text-white" : "text-slate-800"}`}>
            Board
          </Link>
          <Link href={href({ view: "list" })} aria-current={view === "list" ? "true" : undefined} className={`px-3 py-1 ${view === "list" ? "bg-slate-900 text-white" : "text-slate-800"}`}>
            List
          </Link>
        </div>
      </div>
      {panel}
      <TasksView tasks={page.items} view={view} now={now} taskHref={(id) => href({ task: id })} emptyTitle={mine ? "Nothing assigned to you" : "No tasks here"} />
    </>
  );
}
