import { createHash } from "node:crypto";
import { randomToken, seal, sha256Hex } from "@/lib/crypto";
import { getPrisma } from "@/lib/db";
import type { ProviderId } from "@/lib/integrations/provider";
import { appUrl } from "../mail/app-url";
import type { Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { checkBaseUrl } from "./check-base-url";
import { providerOf } from "./integration-context";
import { oauthClient } from "./oauth-client";

export const OAUTH_STATE_MINUTES = 10;
export const OAUTH_CALLBACK_PATH = "/api/v1/integrations/oauth/callback";

/**
 * Starts the authorization-code flow: a random `state` (stored hashed, single use, 10 minutes, bound to the
 * organization's integration and the member) and a PKCE verifier (stored sealed; its S256 challenge goes in
 * the URL). Returns the provider's authorize URL for the browser.
 */
export async function startIntegrationOAuth(actor: Actor, input: { provider: ProviderId; baseUrl?: string | null; returnTo?: string }): Promise<{ authorizeUrl: string }> {
  const provider = providerOf(input.provider);
  const client = oauthClient(provider.id);
  if (!provider.oauth || !client) throw new ServiceError("conflict", `OAuth is not set up for ${provider.displayName} on this server: connect with a token.`);
  const baseUrl = input.baseUrl ? await checkBaseUrl(input.baseUrl) : null;
  const db = await getPrisma();
  const row = await db.integration.upsert({
    where: { organizationId_provider: { organizationId: actor.orgId, provider: provider.id } },
    create: { organizationId: actor.orgId, provider: provider.id, status: "disconnected" },
    update: {},
  });
  const state = randomToken(32);
  const verifier = randomToken(48, "base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const redirectUri = appUrl(OAUTH_CALLBACK_PATH);
  const sealed = seal(JSON.stringify({ verifier, baseUrl, returnTo: input.returnTo ?? null, apiKeyId: actor.apiKeyId }));
  await db.integrationOAuthState.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await db.integrationOAuthState.create({
    data: { integrationId: row.id, userId: actor.userId ?? "", stateHash: sha256Hex(state), encryptedCodeVerifier: sealed.blob, encryptionKeyId: sealed.keyId, redirectUri, expiresAt: new Date(Date.now() + OAUTH_STATE_MINUTES * 60_000) },
  });
  const web = provider.oauth.webBaseUrl(baseUrl ?? provider.defaultApiBaseUrl);
  const url = new URL(`${web}${provider.oauth.authorizePath}`);
  url.searchParams.set("client_id", client.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", provider.oauth.scopes.join(" "));
  url.searchParams.set("state", state);
  if (provider.oauth.pkce) {
    url.searchParams.set("code_challenge", challenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  return { authorizeUrl: url.toString() };
}
