import Link from "next/link";
import { formatDate } from "@/components/ui";
import { listOverdueTasks } from "@/lib/services/tasks/list-overdue-tasks";

/**
 * "Overdue tasks": open tasks past their due date, most overdue first. A server component for the overview
 * (or any page): give it the organization; renders nothing when no task is overdue.
 */
export async function OverdueTasksCard({ orgId, orgSlug, assigneeId, limit = 5 }: { orgId: string; orgSlug: string; assigneeId?: string; limit?: number }) {
  const { items, total } = await listOverdueTasks({ orgId, assigneeId, limit });
  if (total === 0) return null;
  return (
    <section aria-labelledby="overdue-tasks" className="rounded-lg border border-red-200 bg-red-50 p-4">
      <h2 id="overdue-tasks" className="text-sm font-semibold text-red-900">
        Overdue tasks ({total})
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {items.map((t) => (
          <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
            <Link className="min-w-0 font-medium break-words text-red-900 underline-offset-2 hover:underline" href={`/o/${orgSlug}/tasks?task=${encodeURIComponent(t.id)}`}>
              {t.title}
            </Link>
            <span className="text-xs text-red-800">
              due {t.dueAt ? formatDate(t.dueAt) : ""} · {t.assignee ? (t.assignee.name ?? t.assignee.email) : "unassigned"}
            </span>
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <Link className="mt-2 inline-block text-sm font-medium text-red-900 underline" href={`/o/${orgSlug}/tasks?due=overdue`}>
          All {total} overdue tasks
        </Link>
      ) : null}
    </section>
  );
}
