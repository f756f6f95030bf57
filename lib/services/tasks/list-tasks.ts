import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";
import { taskInclude, type TaskPriority, type TaskStatus, type TaskWithLinks } from "./task-shape";

export type DueFilter = "overdue" | "today" | "week" | "none";

export interface ListTasksInput {
  orgId: string;
  limit: number;
  cursor?: string;
  status?: TaskStatus[];
  priority?: TaskPriority;
  /** a user id, or "none" for unassigned */
  assigneeId?: string;
  domainId?: string;
  findingId?: string;
  due?: DueFilter;
  now?: Date;
}

/** The `where` of a task list; shared with the dashboard board (which reads everything at once). */
export function taskFilter(input: Omit<ListTasksInput, "limit" | "cursor">): PrismaNS.TaskWhereInput {
  const now = input.now ?? new Date();
  const endOfDay = new Date(now);
  endOfDay.setUTCHours(23, 59, 59, 999);
  const inWeek = new Date(now.getTime() + 7 * 86_400_000);
  const due: PrismaNS.TaskWhereInput =
    input.due === "overdue" ? { dueAt: { lt: now }, status: { not: "done" } }
    : input.due === "today" ? { dueAt: { lte: endOfDay } , status: { not: "done" } }
    : input.due === "week" ? { dueAt: { lte: inWeek }, status: { not: "done" } }
    : input.due === "none" ? { dueAt: null }
    : {};
  return {
    AND: [
      { organizationId: input.orgId },
      input.status?.length ? { status: { in: input.status } } : {},
      input.priority ? { priority: input.priority } : {},
      input.assigneeId === "none" ? { assigneeId: null } : input.assigneeId ? { assigneeId: input.assigneeId } : {},
      input.domainId ? { findings: { some: { finding: { domainId: input.domainId } } } } : {},
      input.findingId ? { findings: { some: { findingId: input.findingId } } } : {},
      due,
    ],
  };
}

/** Newest first, keyset-paginated, scoped to the organization. */
export async function listTasks(input: ListTasksInput, prisma?: Prisma): Promise<{ items: TaskWithLinks[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  const page = pageQuery(input);
  const rows = await db.task.findMany({ ...page, where: { AND: [taskFilter(input), page.where] }, include: taskInclude });
  return pageOf(rows, input.limit);
}
