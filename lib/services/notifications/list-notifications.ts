import type { Notification } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";

/** A member's notifications in one organization, newest first, with the unread count. */
export async function listNotifications(
  input: { orgId: string; userId: string; limit: number; cursor?: string; unreadOnly?: boolean },
  prisma?: Prisma,
): Promise<{ items: Notification[]; nextCursor: string | null; unread: number }> {
  const db = prisma ?? (await getPrisma());
  const page = pageQuery(input);
  const scope = { organizationId: input.orgId, userId: input.userId };
  const [rows, unread] = await Promise.all([
    db.notification.findMany({ ...page, where: { AND: [scope, input.unreadOnly ? { readAt: null } : {}, page.where] } }),
    db.notification.count({ where: { ...scope, readAt: null } }),
  ]);
  return { ...pageOf(rows, input.limit), unread };
}

export async function countUnreadNotifications(input: { orgId: string; userId: string }, prisma?: Prisma): Promise<number> {
  const db = prisma ?? (await getPrisma());
  return db.notification.count({ where: { organizationId: input.orgId, userId: input.userId, readAt: null } });
}
