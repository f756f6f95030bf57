import { z } from "zod";
import { sha256Hex, unseal } from "@/lib/crypto";
import { getPrisma } from "@/lib/db";
import { outboundFetch } from "@/lib/integrations/outbound-fetch";
import { ProviderError, type ProviderId } from "@/lib/integrations/provider";
import { ServiceError } from "../errors";
import { connectIntegration } from "./connect-integration";
import { newStats, providerOf } from "./integration-context";
import { oauthClient } from "./oauth-client";

const tokenAnswer = z.union([
  z.object({ access_token: z.string().min(1).max(8192), token_type: z.string().max(50).optional(), scope: z.string().max(2000).optional(), refresh_token: z.string().max(8192).optional(), expires_in: z.number().int().positive().optional() }),
  z.object({ error: z.string().max(200), error_description: z.string().max(1000).optional() }),
]);
const sealedState = z.object({ verifier: z.string(), baseUrl: z.string().nullable(), returnTo: z.string().nullable(), apiKeyId: z.string().nullable() });

export interface OAuthOutcome {
  orgSlug: string | null;
  provider: ProviderId | null;
  ok: boolean;
  message: string;
  returnTo: string | null;
}

/**
 * The provider's redirect back: the `state` must match one we issued (hash lookup, single use, unexpired);
 * the code is exchanged at the provider's token endpoint with the client secret and the PKCE verifier,
 * through the SSRF-guarded fetch; the token is then tested and stored like a personal token.
 */
export async function completeIntegrationOAuth(input: { code?: string; state?: string; error?: string }): Promise<OAuthOutcome> {
  const fail = (message: string, extra: Partial<OAuthOutcome> = {}): OAuthOutcome => ({ orgSlug: null, provider: null, ok: false, message, returnTo: null, ...extra });
  if (!input.state) return fail("The authorization answer had no state.");
  const db = await getPrisma();
  const stored = await db.integrationOAuthState.findUnique({ where: { stateHash: sha256Hex(input.state) }, include: { integration: { include: { organization: { select: { slug: true } } } } } });
  if (!stored) return fail("This authorization link is unknown or was already used. Start again from Settings → Integrations.");
  // Single use, whatever happens next.
  await db.integrationOAuthState.delete({ where: { id: stored.id } });
  const provider = providerOf(stored.integration.provider);
  const base = { orgSlug: stored.integration.organization.slug, provider: provider.id };
  if (stored.expiresAt < new Date()) return fail("The authorization took too long (over 10 minutes). Start again.", base);
  const st = sealedState.parse(JSON.parse(unseal({ blob: stored.encryptedCodeVerifier, keyId: stored.encryptionKeyId })));
  if (input.error || !input.code) return fail(`${provider.displayName} did not authorize Plumb${input.error ? ` (${input.error.slice(0, 100)})` : ""}.`, { ...base, returnTo: st.returnTo });
  const client = oauthClient(provider.id);
  if (!provider.oauth || !client) return fail(`OAuth is not set up for ${provider.displayName} on this server.`, base);

  const web = provider.oauth.webBaseUrl(st.baseUrl ?? provider.defaultApiBaseUrl);
  const form = new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret, code: input.code, redirect_uri: stored.redirectUri, grant_type: "authorization_code" });
  if (provider.oauth.pkce) form.set("code_verifier", st.verifier);
  let answer: z.infer<typeof tokenAnswer>;
  try {
    const res = await outboundFetch({ stats: newStats() })(`${web}${provider.oauth.tokenPath}`, { method: "POST", headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" }, body: form.toString() });
    const parsed = tokenAnswer.safeParse(await res.json().catch(() => null));
    if (!parsed.success) return fail(`${provider.displayName} answered the token exchange with something Plumb could not read (HTTP ${res.status}).`, { ...base, returnTo: st.returnTo });
    answer = parsed.data;
  } catch (err) {
    if (err instanceof ProviderError) return fail(err.message, { ...base, returnTo: st.returnTo });
    throw err;
  }
  if ("error" in answer) return fail(`${provider.displayName} refused the authorization code: ${answer.error_description ?? answer.error}.`, { ...base, returnTo: st.returnTo });
  try {
    const actor = { orgId: stored.integration.organizationId, userId: stored.userId || null, apiKeyId: st.apiKeyId, requestId: null };
    const row = await connectIntegration(actor, {
      provider: provider.id,
      baseUrl: st.baseUrl,
      credential: {
        type: "oauth",
        accessToken: answer.access_token,
        ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
        ...(answer.expires_in ? { expiresAt: new Date(Date.now() + answer.expires_in * 1000).toISOString() } : {}),
        ...(answer.scope ? { scope: answer.scope } : {}),
      },
    });
    return { ...base, ok: true, message: `Connected to ${provider.displayName} as ${row.externalAccount ?? "you"}.`, returnTo: st.returnTo };
  } catch (err) {
    if (err instanceof ServiceError) return fail(err.message, { ...base, returnTo: st.returnTo });
    throw err;
  }
}
