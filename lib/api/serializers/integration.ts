import type { z } from "zod";
import type { Integration } from "@/generated/prisma/client";
import type { integrationSchema } from "@/lib/api/contract/integrations";
import { env } from "@/lib/env";
import type { AnyProvider } from "@/lib/integrations/provider";
import { appUrl } from "@/lib/services/mail/app-url";

type Row = Omit<Integration, "encryptedCredentials" | "encryptedWebhookSecret"> & { encryptedCredentials?: unknown; encryptedWebhookSecret?: unknown };

export function oauthAvailable(provider: AnyProvider): boolean {
  const e = env();
  if (!provider.oauth) return false;
  if (provider.id === "github") return !!(e.PLUMB_GITHUB_OAUTH_CLIENT_ID && e.PLUMB_GITHUB_OAUTH_CLIENT_SECRET);
  if (provider.id === "gitlab") return !!(e.PLUMB_GITLAB_OAUTH_CLIENT_ID && e.PLUMB_GITLAB_OAUTH_CLIENT_SECRET);
  return false;
}

export function webhookUrl(integrationId: string): string {
  return appUrl(`/api/v1/integrations/webhooks/${integrationId}`);
}

/** The API's view of an integration: status, account, mapping — never the credential or the webhook secret. */
export function serializeIntegration(provider: AnyProvider, row: Row | null, links = { pending: 0, open: 0, closed: 0 }): z.input<typeof integrationSchema> {
  const connected = !!row && row.status !== "disconnected";
  return {
    id: row?.id ?? null,
    provider: provider.id,
    display_name: provider.displayName,
    kind: provider.kind,
    status: row?.status ?? "disconnected",
    account: connected ? (row?.externalAccount ?? null) : null,
    auth_method: connected && (row?.authMethod === "token" || row?.authMethod === "oauth") ? row.authMethod : null,
    base_url: row?.baseUrl ?? null,
    default_base_url: provider.defaultApiBaseUrl,
    config: (row?.config ?? {}) as Record<string, unknown>,
    required_scopes: [...provider.requiredScopes],
    oauth_available: oauthAvailable(provider),
    webhook_url: connected && provider.verifyWebhook && row ? webhookUrl(row.id) : null,
    last_sync_at: row?.lastSyncAt?.toISOString() ?? null,
    last_error: row?.lastError ?? null,
    links,
    created_at: row?.createdAt.toISOString() ?? null,
    updated_at: row?.updatedAt.toISOString() ?? null,
  };
}
