import { getPrisma } from "@/lib/db";
import { ProviderError, type ProviderId } from "@/lib/integrations/provider";
import type { Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { getIntegration } from "./get-integration";
import { integrationContext } from "./integration-context";
import { refreshOAuthCredential } from "./refresh-oauth-credential";
import { plainError } from "./record-integration-error";

/**
 * Tests the stored credential and target now. The answer says what happened in plain words; the status
 * follows (an error clears when the test passes again), so the settings page shows the truth.
 */
export async function testIntegration(actor: Actor, input: { provider: ProviderId }) {
  const stored = await getIntegration({ orgId: actor.orgId, provider: input.provider });
  if (!stored.encryptedCredentials) throw new ServiceError("conflict", "Connect the integration first.");
  const db = await getPrisma();
  let row = stored;
  try {
    row = await refreshOAuthCredential(stored);
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    const message = plainError(err);
    await db.integration.update({ where: { id: stored.id }, data: { status: err.retryable ? stored.status : "error", lastError: message } });
    return { ok: false as const, account: null, target: null, message };
  }
  const { provider, ctx } = integrationContext(row);
  try {
    const res = await provider.testConnection(ctx);
    await db.integration.update({ where: { id: row.id }, data: { status: row.status === "syncing" ? "syncing" : "connected", lastError: null, externalAccount: res.account.slice(0, 200) } });
    return { ok: true as const, account: res.account, target: res.target ?? null, message: `Connected as ${res.account}${res.target ? ` to ${res.target}` : ""}.` };
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    const message = plainError(err, ctx.credential);
    await db.integration.update({ where: { id: row.id }, data: { status: err.retryable ? row.status : "error", lastError: message } });
    return { ok: false as const, account: null, target: null, message };
  }
}
