import { randomToken } from "@/lib/crypto";
import { getPrisma, type PrismaNS } from "@/lib/db";
import { redactSecrets, sealCredential, sealWebhookSecret } from "@/lib/integrations/credentials";
import { outboundFetch } from "@/lib/integrations/outbound-fetch";
import { ProviderError, type Credential, type ProviderId } from "@/lib/integrations/provider";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { checkBaseUrl } from "./check-base-url";
import { newStats, providerOf } from "./integration-context";
import { providerFailure } from "./provider-failure";

export interface ConnectIntegrationInput {
  provider: ProviderId;
  credential: Credential;
  /** Self-hosted API base URL; omitted = the provider's public API. */
  baseUrl?: string | null;
  config?: Record<string, unknown>;
}

/**
 * Connects (or reconnects) a provider: checks the base URL against the SSRF rule, parses the config, tests the
 * credential against the provider (a refused token is never stored), then stores it sealed with a fresh
 * webhook secret (kept on reconnect, so the webhook configured upstream keeps working).
 */
export async function connectIntegration(actor: Actor, input: ConnectIntegrationInput) {
  const provider = providerOf(input.provider);
  const baseUrl = input.baseUrl ? await checkBaseUrl(input.baseUrl) : null;
  const db = await getPrisma();
  const existing = await db.integration.findUnique({ where: { organizationId_provider: { organizationId: actor.orgId, provider: input.provider } } });
  const parsedConfig = provider.configSchema.safeParse(input.config ?? existing?.config ?? {});
  if (!parsedConfig.success) throw new ServiceError("invalid_params", "The integration settings are invalid.", { issues: parsedConfig.error.issues });
  const credential = input.credential.type === "token" ? { ...provider.tokenCredential.parse(input.credential) } : input.credential;

  const stats = newStats();
  let account: { account: string; target?: string };
  try {
    account = await provider.testConnection({ apiBaseUrl: baseUrl ?? provider.defaultApiBaseUrl, credential, config: parsedConfig.data, fetch: outboundFetch({ stats }), stats });
  } catch (err) {
    if (err instanceof ProviderError) providerFailure(new ProviderError(err.kind, redactSecrets(err.message, credential), err.details));
    throw err;
  }

  const sealed = sealCredential(credential);
  // The webhook secret is sealed with the same key as the credential, so one key id covers the row.
  let webhookSecret = sealWebhookSecret(randomToken(32));
  if (existing?.encryptedWebhookSecret && existing.encryptionKeyId === sealed.encryptionKeyId) webhookSecret = existing.encryptedWebhookSecret;
  const data = {
    status: "connected" as const,
    ...sealed,
    encryptedWebhookSecret: webhookSecret,
    baseUrl,
    authMethod: credential.type,
    externalAccount: account.account.slice(0, 200),
    config: parsedConfig.data as PrismaNS.InputJsonValue,
    lastError: null,
  };
  return db.$transaction(async (tx) => {
    const row = await tx.integration.upsert({
      where: { organizationId_provider: { organizationId: actor.orgId, provider: input.provider } },
      create: { organizationId: actor.orgId, provider: input.provider, ...data },
      update: data,
    });
    await recordAuditEvent(tx, actor, {
      action: "integration.connect",
      targetType: "integration",
      targetId: row.id,
      metadata: { provider: input.provider, account: data.externalAccount, auth: credential.type, base_url: baseUrl },
    });
    return row;
  });
}
