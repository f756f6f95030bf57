import type { z } from "zod";
import type { auditEventSchema } from "@/lib/api/contract/audit-events";
import type { AuditEventRow } from "@/lib/services/audit/list-audit-events";

export function serializeAuditEvent(e: AuditEventRow): z.input<typeof auditEventSchema> {
  const type = e.actorUserId ? "user" : e.actorApiKeyId ? "api_key" : "system";
  const label = e.actorUser?.email ?? (e.actorApiKey ? `${e.actorApiKey.name} (${e.actorApiKey.prefix}…)` : type === "system" ? "Plumb" : "(deleted)");
  return {
    id: e.id,
    action: e.action,
    actor: { type, id: e.actorUserId ?? e.actorApiKeyId ?? null, label },
    ip: e.ip,
    target_type: e.targetType,
    target_id: e.targetId,
    before: e.before ?? null,
    after: e.after ?? null,
    metadata: e.metadata ?? null,
    request_id: e.requestId,
    created_at: e.createdAt.toISOString(),
  };
}

export function auditFiltersFromQuery(q: { actor_id?: string; action?: string; target_type?: string; target_id?: string; from?: string; to?: string }) {
  return {
    actorId: q.actor_id,
    action: q.action,
    targetType: q.target_type,
    targetId: q.target_id,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  };
}
