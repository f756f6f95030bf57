import { getPrisma } from "@/lib/db";
import type { ProviderId } from "@/lib/integrations/provider";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { getIntegration } from "./get-integration";

/**
 * Forgets the credential and the webhook secret (status `disconnected`). Issue links stay, so reconnecting
 * the same repository keeps updating the same issues instead of filing new ones; pending sends are dropped.
 */
export async function disconnectIntegration(actor: Actor, input: { provider: ProviderId }) {
  const row = await getIntegration({ orgId: actor.orgId, provider: input.provider });
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    await tx.integrationLink.deleteMany({ where: { integrationId: row.id, state: "pending" } });
    await tx.integrationOAuthState.deleteMany({ where: { integrationId: row.id } });
    const updated = await tx.integration.update({
      where: { id: row.id },
      data: { status: "disconnected", encryptedCredentials: null, encryptedWebhookSecret: null, encryptionKeyId: null, authMethod: null, lastError: null },
    });
    await recordAuditEvent(tx, actor, { action: "integration.disconnect", targetType: "integration", targetId: row.id, metadata: { provider: input.provider } });
    return updated;
  });
}
