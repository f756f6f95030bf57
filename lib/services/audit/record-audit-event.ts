import type { Prisma, PrismaNS } from "@/lib/db";

// Who did something, as every write service receives it: the organization acted in, and the user or the
// API key acting. requestId links an audit row to the request (and its logs).
export interface Actor {
  orgId: string;
  userId: string | null;
  apiKeyId: string | null;
  requestId: string | null;
}

export interface AuditEventInput {
  /** "<resource>.<verb>", e.g. "domain.create", "api_key.revoke". */
  action: string;
  targetType: string;
  targetId?: string | null;
  metadata?: PrismaNS.InputJsonValue;
}

/**
 * Appends an audit event. Pass the transaction client of the write it records, so both commit or neither.
 * Metadata must never hold secrets (raw keys, tokens, credentials).
 */
export async function recordAuditEvent(db: Prisma | PrismaNS.TransactionClient, actor: Actor, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      organizationId: actor.orgId,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      metadata: event.metadata,
      requestId: actor.requestId,
    },
  });
}
