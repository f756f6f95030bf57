import { getPrisma, type Prisma } from "@/lib/db";
import { taskInclude, type TaskWithLinks } from "./task-shape";

/** Open tasks past their due date, most overdue first (for the overview card and reminders). */
export async function listOverdueTasks(
  input: { orgId: string; assigneeId?: string; limit?: number; now?: Date },
  prisma?: Prisma,
): Promise<{ items: TaskWithLinks[]; total: number }> {
  const db = prisma ?? (await getPrisma());
  const where = {
    organizationId: input.orgId,
    status: { not: "done" as const },
    dueAt: { lt: input.now ?? new Date() },
    ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
  };
  const [items, total] = await Promise.all([
    db.task.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: Math.min(Math.max(input.limit ?? 10, 1), 100), include: taskInclude }),
    db.task.count({ where }),
  ]);
  return { items, total };
}
