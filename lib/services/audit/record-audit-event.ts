import type { Prisma, PrismaNS } from "@/lib/db";

// Who did something, as every write service receives it: the organization acted in, and the user or the
// API key acting. requestId links an audit row to the request (and its logs).
export interface Actor {
  orgId: string;
  userId: string | null;
  apiKeyId: string | null;
  requestId: string | null;
  /** The client address of the request, when there is one (API and dashboard; null for the system). */
  ip?: string | null;
}

/** The organization itself acting (scans settling, crons, automation policies): no user, no key. */
export function systemActor(orgId: string): Actor {
  return { orgId, userId: null, apiKeyId: null, requestId: null, ip: null };
}

export interface AuditEventInput {
  /** "<resource>.<verb>", e.g. "domain.create", "api_key.revoke". */
  action: string;
  targetType: string;
  targetId?: string | null;
  metadata?: PrismaNS.InputJsonValue;
  /** The changed fields before the change (omit for creations). Never secrets. */
  before?: PrismaNS.InputJsonValue;
  /** The changed fields after the change (omit for deletions). Never secrets. */
  after?: PrismaNS.InputJsonValue;
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
      before: event.before,
      after: event.after,
      requestId: actor.requestId,
      ip: actor.ip ?? null,
    },
  });
}
