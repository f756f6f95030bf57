import type { AuditEvent } from "@/generated/prisma/client";
import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";

export interface AuditEventFilters {
  /** a user id or an API key id */
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

export type AuditEventRow = AuditEvent & { actorUser: { email: string; name: string | null } | null; actorApiKey: { name: string; prefix: string } | null };

function where(orgId: string, f: AuditEventFilters): PrismaNS.AuditEventWhereInput {
  return {
    organizationId: orgId,
    ...(f.actorId ? { OR: [{ actorUserId: f.actorId }, { actorApiKeyId: f.actorId }] } : {}),
    // "domain." (trailing dot) lists every domain action; otherwise the action exactly.
    ...(f.action ? { action: f.action.endsWith(".") ? { startsWith: f.action } : f.action } : {}),
    ...(f.targetType ? { targetType: f.targetType } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}

/** Names for the actors of a page of events (users and API keys of this organization). */
async function withActors(db: Prisma, orgId: string, rows: AuditEvent[]): Promise<AuditEventRow[]> {
  const userIds = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => !!x))];
  const keyIds = [...new Set(rows.map((r) => r.actorApiKeyId).filter((x): x is string => !!x))];
  const [users, keys] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true } }) : [],
    keyIds.length ? db.apiKey.findMany({ where: { id: { in: keyIds }, organizationId: orgId }, select: { id: true, name: true, prefix: true } }) : [],
  ]);
  const u = new Map(users.map((x) => [x.id, x]));
  const k = new Map(keys.map((x) => [x.id, x]));
  return rows.map((r) => ({
    ...r,
    actorUser: r.actorUserId ? (u.get(r.actorUserId) ?? null) : null,
    actorApiKey: r.actorApiKeyId ? (k.get(r.actorApiKeyId) ?? null) : null,
  }));
}

/** The organization's audit log, newest first, filtered, cursor-paged. */
export async function listAuditEvents(input: { orgId: string; filters: AuditEventFilters; limit: number; cursor?: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const q = pageQuery(input);
  const rows = await db.auditEvent.findMany({ where: { ...where(input.orgId, input.filters), ...q.where }, orderBy: q.orderBy, take: q.take });
  const page = pageOf(rows, input.limit);
  return { items: await withActors(db, input.orgId, page.items), nextCursor: page.nextCursor };
}

/** Every matching event (up to `max`), newest first, in pages of 1,000: the CSV export reads this. */
export async function* iterateAuditEvents(input: { orgId: string; filters: AuditEventFilters; max?: number }, prisma?: Prisma): AsyncGenerator<AuditEventRow> {
  const db = prisma ?? (await getPrisma());
  let cursor: string | undefined;
  let n = 0;
  const max = input.max ?? 100_000;
  for (;;) {
    const page = await listAuditEvents({ orgId: input.orgId, filters: input.filters, limit: 100, cursor }, db);
    for (const r of page.items) {
      if (n++ >= max) return;
      yield r;
    }
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
