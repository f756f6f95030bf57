import { getPrisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";

/** Revokes a key of the actor's organization; revoking twice keeps the first revocation time. */
export async function revokeApiKey(actor: Actor, keyId: string) {
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: keyId, organizationId: actor.orgId }, omit: { hash: true } });
    if (!key) throw new ServiceError("not_found", "API key not found.");
    if (key.revokedAt) return key;
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, omit: { hash: true } });
    await recordAuditEvent(tx, actor, { action: "api_key.revoke", targetType: "api_key", targetId: key.id, metadata: { name: key.name } });
    return revoked;
  });
}
