// OAuth access tokens that expire (GitLab's live two hours) are renewed with their refresh token before a
// sync, a poll or a test uses them: the operator's client id/secret and the stored refresh token go to the
// provider's token endpoint through the guarded fetch, and the new pair is sealed in place of the old one.
// Providers whose SDK renews tokens itself (Google) or whose tokens do not expire (GitHub OAuth apps) pass.
import { z } from "zod";
import type { Integration } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db";
import { openCredential, openWebhookSecret, sealCredential, sealWebhookSecret } from "@/lib/integrations/credentials";
import { outboundFetch } from "@/lib/integrations/outbound-fetch";
import { ProviderError, type Credential } from "@/lib/integrations/provider";
import { appUrl } from "../mail/app-url";
import { newStats, providerOf } from "./integration-context";
import { oauthClient } from "./oauth-client";
import { OAUTH_CALLBACK_PATH } from "./start-integration-oauth";

/** Renew this long before the expiry: a sync's calls must not start on a token about to lapse. */
const EARLY_MS = 5 * 60_000;

const refreshAnswer = z.union([
  z.object({ access_token: z.string().min(1).max(8192), refresh_token: z.string().max(8192).optional(), expires_in: z.number().int().positive().optional(), scope: z.string().max(2000).optional() }),
  z.object({ error: z.string().max(200), error_description: z.string().max(1000).optional() }),
]);

/** The row with a usable credential: unchanged, or with a freshly refreshed one stored. */
export async function refreshOAuthCredential(row: Integration, now = new Date()): Promise<Integration> {
  const provider = providerOf(row.provider);
  const client = oauthClient(provider.id);
  if (!provider.oauth || !client || row.authMethod !== "oauth") return row;
  const cred = openCredential(row);
  if (!cred || cred.type !== "oauth" || !cred.expiresAt || !cred.refreshToken) return row;
  if (new Date(cred.expiresAt).getTime() - EARLY_MS > now.getTime()) return row;

  const web = provider.oauth.webBaseUrl(row.baseUrl ?? provider.defaultApiBaseUrl);
  const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: cred.refreshToken, client_id: client.clientId, client_secret: client.clientSecret, redirect_uri: appUrl(OAUTH_CALLBACK_PATH) });
  const res = await outboundFetch({ stats: newStats() })(`${web}${provider.oauth.tokenPath}`, { method: "POST", headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" }, body: form.toString() });
  const parsed = refreshAnswer.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new ProviderError(res.status >= 500 ? "server" : "invalid_response", `${provider.displayName} answered the token refresh with something Plumb could not read (HTTP ${res.status}).`, { status: res.status });
  if ("error" in parsed.data) {
    throw new ProviderError("unauthorized", `${provider.displayName} refused to renew the sign-in (${parsed.data.error_description ?? parsed.data.error}): reconnect ${provider.displayName}.`, { status: res.status });
  }
  const next: Credential = {
    type: "oauth",
    accessToken: parsed.data.access_token,
    // Providers rotate refresh tokens (GitLab does): the old one no longer works once this answer arrived.
    refreshToken: parsed.data.refresh_token ?? cred.refreshToken,
    ...(parsed.data.expires_in ? { expiresAt: new Date(now.getTime() + parsed.data.expires_in * 1000).toISOString() } : {}),
    scope: parsed.data.scope ?? cred.scope,
  };
  const db = await getPrisma();
  const sealed = sealCredential(next);
  // One key id covers the row: mid-rotation, the webhook secret moves to the current key with the credential.
  const secret = sealed.encryptionKeyId !== row.encryptionKeyId ? openWebhookSecret(row) : null;
  return db.integration.update({
    where: { id: row.id },
    data: { ...sealed, ...(secret ? { encryptedWebhookSecret: sealWebhookSecret(secret) } : {}) },
  });
}
