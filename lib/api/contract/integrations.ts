import { z } from "zod";
import { defineContract } from "../define-contract";
import { integrationStatusSchema } from "../schemas/enums";
import { timestamp } from "../schemas/common";

// Integrations: connect a provider with a token (or OAuth), map it (repository/project, labels, assignees),
// test it, sync issues, disconnect. Credentials are write-only: no response ever contains them.

const providerParam = z.object({
  provider: z.enum(["github", "gitlab", "jira", "linear", "sentry", "cloudflare", "ga4", "gsc"]).meta({ description: "Provider id." }),
});

export const integrationSchema = z
  .object({
    id: z.string().nullable().meta({ description: "null until the provider was connected once." }),
    provider: z.string(),
    display_name: z.string(),
    kind: z.enum(["tracker", "security", "cdn", "analytics"]),
    status: integrationStatusSchema,
    account: z.string().nullable().meta({ description: "Who the credential authenticates as (login); never the credential." }),
    auth_method: z.enum(["token", "oauth"]).nullable(),
    base_url: z.string().nullable().meta({ description: "Self-hosted API base URL; null = the provider's public API." }),
    default_base_url: z.string(),
    config: z.record(z.string(), z.unknown()).meta({ description: "Mapping: repository/project, labels, assignee map (Plumb user id → provider login)." }),
    required_scopes: z.array(z.string()),
    oauth_available: z.boolean().meta({ description: "The operator configured an OAuth app for this provider." }),
    webhook_url: z.string().nullable().meta({ description: "Where the provider should send webhooks (tracker integrations, once connected)." }),
    last_sync_at: timestamp.nullable(),
    last_error: z.string().nullable().meta({ description: "Why the last sync or test failed, in plain words." }),
    links: z.object({ pending: z.number().int(), open: z.number().int(), closed: z.number().int() }),
    created_at: timestamp.nullable(),
    updated_at: timestamp.nullable(),
  })
  .meta({ id: "Integration" });

export const connectedIntegrationSchema = integrationSchema
  .extend({ webhook_secret: z.string().nullable().meta({ description: "The webhook secret to enter upstream. Shown in this response and on the settings page to owners and admins." }) })
  .meta({ id: "ConnectedIntegration" });

const configBody = z.record(z.string().max(100), z.unknown()).meta({ description: "Provider-specific mapping, validated by the provider (e.g. GitHub: `repository`, `labels`, `assignees`)." });
const baseUrlBody = z.url().max(500).refine((u) => /^https?:/.test(u), "must be an http(s) URL");

export const connectIntegrationBody = z.object({
  token: z.string().trim().min(8).max(4096).meta({ description: "Personal access / API token. Stored AES-256-GCM encrypted; never returned." }),
  email: z.email().max(320).optional().meta({ description: "Jira Cloud: the account e-mail that goes with the API token." }),
  base_url: baseUrlBody.nullable().optional().meta({ description: "Self-hosted API base URL (GitHub Enterprise `https://host/api/v3`, GitLab `https://host/api/v4`). Private addresses are refused." }),
  config: configBody.optional(),
});

export const updateIntegrationBody = z.object({
  config: configBody.optional(),
  base_url: baseUrlBody.nullable().optional(),
});

export const syncIntegrationBody = z
  .object({
    finding_ids: z.array(z.string().min(1).max(64)).min(1).max(1000).optional().meta({ description: "Send these findings (one issue each, or one per task for findings in a task). Omitted: sync what is already linked." }),
  })
  .optional();

export const syncResultSchema = z.object({ integration_id: z.string(), queued: z.boolean(), added: z.number().int() }).meta({ id: "IntegrationSyncRequest" });
export const testResultSchema = z.object({ ok: z.boolean(), account: z.string().nullable(), target: z.string().nullable(), message: z.string() }).meta({ id: "IntegrationTestResult" });

export const listIntegrationsContract = defineContract({
  id: "integrations.list",
  method: "GET",
  path: "/api/v1/integrations",
  summary: "List integrations",
  description: "Every available provider with this organization's integration state. Never contains credentials.",
  tags: ["integrations"],
  auth: "key-or-session",
  scope: "integrations:read",
  response: { kind: "list", item: integrationSchema },
});

export const getIntegrationContract = defineContract({
  id: "integrations.get",
  method: "GET",
  path: "/api/v1/integrations/{provider}",
  summary: "Get an integration",
  tags: ["integrations"],
  auth: "key-or-session",
  scope: "integrations:read",
  params: providerParam,
  response: { kind: "json", schema: integrationSchema },
});

export const connectIntegrationContract = defineContract({
  id: "integrations.connect",
  method: "POST",
  path: "/api/v1/integrations/{provider}/connect",
  summary: "Connect with a token",
  description: "Tests the token against the provider first (424 `provider_error` with the reason when refused or unreachable); then stores it encrypted. Reconnecting replaces the token and keeps the links and webhook secret.",
  tags: ["integrations"],
  auth: "key-or-session",
  scope: "integrations:write",
  params: providerParam,
  body: connectIntegrationBody,
  response: { kind: "json", schema: connectedIntegrationSchema },
  errors: ["provider_error"],
});

export const updateIntegrationContract = defineContract({
  id: "integrations.update",
  method: "PATCH",
  path: "/api/v1/integrations/{provider}",
  summary: "Change the mapping",
  description: "Merges `config` into the stored mapping (validated by the provider); `base_url` changes the self-hosted base URL.",
  tags: ["integrations"],
  auth: "key-or-session",
  scope: "integrations:write",
  params: providerParam,
  body: updateIntegrationBody,
  response: { kind: "json", schema: integrationSchema },
});

export const deleteIntegrationContract = defineContract({
  id: "integrations.delete",
  method: "DELETE",
  path: "/api/v1/integrations/{provider}",
  summary: "Disconnect",
  description: "Forgets the credential and webhook secret. Issue links are kept for a later reconnect.",
  tags: ["integrations"],
  auth: "key-or-session",
  scope: "integrations:write",
  params: providerParam,
  response: { kind: "json", schema: integrationSchema },
});

export const testIntegrationContract = defineContract({
  id: "integrations.test",
  method: "POST",
  path: "/api/v1/integrations/{provider}/test",
  summary: "Test the connection",
  description: "Checks the stored credential and mapping now; `ok: false` with the reason in `message` when it fails (the status follows).",
  tags: ["integrations"],
  auth: "key-or-session",
  scope: "integrations:write",
  params: providerParam,
  response: { kind: "json", schema: testResultSchema },
});

export const syncIntegrationContract = defineContract({
  id: "integrations.sync",
  method: "POST",
  path: "/api/v1/integrations/{provider}/sync",
  summary: "Sync (or send findings)",
  description: "Queues a sync. With `finding_ids`, those findings are sent first (a repeat never files a second issue).",
  tags: ["integrations"],
  auth: "key-or-session",
  scope: "integrations:write",
  params: providerParam,
  body: syncIntegrationBody,
  response: { kind: "json", schema: syncResultSchema },
  status: 202,
});

export const startIntegrationOAuthContract = defineContract({
  id: "integrations.oauth-start",
  method: "POST",
  path: "/api/v1/integrations/{provider}/oauth",
  summary: "Start connecting with OAuth",
  description: "Returns the provider's authorize URL (with `state` and a PKCE challenge). The provider redirects back to `/api/v1/integrations/oauth/callback`.",
  tags: ["integrations"],
  auth: "key-or-session",
  scope: "integrations:write",
  params: providerParam,
  body: z.object({ base_url: baseUrlBody.nullable().optional(), return_to: z.string().max(500).regex(/^\/(?![\/\\])[^\\\s]*$/, "must be a path on this site").optional() }).optional(),
  response: { kind: "json", schema: z.object({ authorize_url: z.string() }).meta({ id: "IntegrationOAuthStart" }) },
});

export const integrationOAuthCallbackContract = defineContract({
  id: "integrations.oauth-callback",
  method: "GET",
  path: "/api/v1/integrations/oauth/callback",
  summary: "OAuth redirect target",
  description: "Where the provider sends the browser back. Exchanges the code (with the PKCE verifier), stores the token, redirects to the settings page.",
  tags: ["integrations"],
  auth: "public",
  query: z.object({ code: z.string().max(2000).optional(), state: z.string().max(200).optional(), error: z.string().max(200).optional() }),
  response: { kind: "raw", contentType: "text/html", description: "A redirect (303) to Settings → Integrations with the outcome." },
  rateLimit: { by: "ip", limit: 30, windowSeconds: 60 },
});

export const integrationWebhookContract = defineContract({
  id: "integrations.webhook",
  method: "POST",
  path: "/api/v1/integrations/webhooks/{id}",
  summary: "Provider webhook",
  description:
    "Receives the provider's issue events for one integration. GitHub: `X-Hub-Signature-256` (HMAC-SHA256 of the body with the webhook secret); GitLab: `X-Gitlab-Token`. " +
    "Unsigned or wrongly signed deliveries get 403; a delivery id seen before (`X-GitHub-Delivery`, `X-Gitlab-Event-UUID`) is acknowledged without effect; older states than the one applied are ignored.",
  tags: ["integrations"],
  auth: "public",
  params: z.object({ id: z.string().min(1).max(64) }),
  response: { kind: "json", schema: z.object({ status: z.enum(["applied", "duplicate", "ignored"]) }).meta({ id: "WebhookResult" }) },
  rateLimit: { by: "ip", limit: 600, windowSeconds: 60 },
});
