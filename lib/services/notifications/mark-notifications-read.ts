import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";

/** Marks the given notifications (or all of them) of this member in this organization read; others' ids: 404. */
export async function markNotificationsRead(
  input: { orgId: string; userId: string; ids?: string[]; all?: boolean; now?: Date },
  prisma?: Prisma,
): Promise<{ updated: number }> {
  const db = prisma ?? (await getPrisma());
  const scope = { organizationId: input.orgId, userId: input.userId };
  if (input.all) {
    const r = await db.notification.updateMany({ where: { ...scope, readAt: null }, data: { readAt: input.now ?? new Date() } });
    return { updated: r.count };
  }
  const ids = [...new Set(input.ids ?? [])];
  if (ids.length === 0) throw new ServiceError("invalid_params", "Give ids or all: true.");
  const owned = await db.notification.count({ where: { ...scope, id: { in: ids } } });
  if (owned !== ids.length) throw new ServiceError("not_found", "Notification not found.");
  const r = await db.notification.updateMany({ where: { ...scope, id: { in: ids }, readAt: null }, data: { readAt: input.now ?? new Date() } });
  return { updated: r.count };
}
