import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { taskInclude, type TaskWithLinks } from "./task-shape";

/** One task of the organization (another organization's id: not_found). */
export async function getTask(input: { orgId: string; taskId: string }, prisma?: Prisma): Promise<TaskWithLinks> {
  const db = prisma ?? (await getPrisma());
  const task = await db.task.findFirst({ where: { id: input.taskId, organizationId: input.orgId }, include: taskInclude });
  if (!task) throw new ServiceError("not_found", "Task not found.");
  return task;
}

/** A task's history, oldest first, with who acted. */
export async function listTaskEvents(input: { orgId: string; taskId: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const rows = await db.taskEvent.findMany({ where: { taskId: input.taskId, organizationId: input.orgId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const userIds = [...new Set(rows.flatMap((r) => [r.actorId, r.kind === "assignee" ? r.fromValue : null, r.kind === "assignee" ? r.toValue : null]).filter((x): x is string => !!x))];
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true } })).map((u) => [u.id, u]));
  return { events: rows.map((r) => ({ ...r, actor: r.actorId ? (users.get(r.actorId) ?? null) : null })), users };
}
