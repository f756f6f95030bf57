import { getPrisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { ALL_SCOPES, scopesBeyond } from "./scopes";

export interface RevokeApiKeyInput {
  keyId: string;
  /** the caller's own scopes (stored form; a session's come from its role): it may only revoke keys within them */
  callerScopes: readonly string[];
}

/**
 * Revokes a key of the actor's organization; revoking twice keeps the first revocation time. A caller cannot
 * revoke a key holding scopes it does not hold itself (403): a `keys:write` key must not switch off the
 * owner's `all` key.
 */
export async function revokeApiKey(actor: Actor, input: RevokeApiKeyInput) {
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.keyId, organizationId: actor.orgId }, omit: { hash: true } });
    if (!key) throw new ServiceError("not_found", "API key not found.");
    const beyond = scopesBeyond(input.callerScopes, key.scopes);
    if (beyond.length) {
      throw new ServiceError(
        "forbidden",
        `You cannot revoke a key with scopes you do not hold: ${beyond.map((s) => (s === ALL_SCOPES ? "all" : s)).join(", ")}.`,
      );
    }
    if (key.revokedAt) return key;
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, omit: { hash: true } });
    await recordAuditEvent(tx, actor, { action: "api_key.revoke", targetType: "api_key", targetId: key.id, metadata: { name: key.name } });
    return revoked;
  });
}
