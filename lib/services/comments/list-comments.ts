import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";

/** A finding's or a task's comments, oldest first, with their authors; another organization's target: 404. */
export async function listComments(
  input: { orgId: string; target: { findingId: string } | { taskId: string }; limit?: number },
  prisma?: Prisma,
) {
  const db = prisma ?? (await getPrisma());
  if ("findingId" in input.target) {
    const ok = await db.finding.count({ where: { id: input.target.findingId, organizationId: input.orgId } });
    if (!ok) throw new ServiceError("not_found", "Finding not found.");
  } else {
    const ok = await db.task.count({ where: { id: input.target.taskId, organizationId: input.orgId } });
    if (!ok) throw new ServiceError("not_found", "Task not found.");
  }
  const rows = await db.comment.findMany({
    where: { organizationId: input.orgId, ...("findingId" in input.target ? { findingId: input.target.findingId } : { taskId: input.target.taskId }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.min(Math.max(input.limit ?? 200, 1), 500),
  });
  const authorIds = [...new Set(rows.map((r) => r.authorId).filter((x): x is string => !!x))];
  const authors = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, email: true, name: true } })).map((u) => [u.id, u]));
  return rows.map((r) => ({ ...r, author: r.authorId ? (authors.get(r.authorId) ?? null) : null }));
}
