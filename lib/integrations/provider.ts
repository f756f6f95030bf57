// The integration framework's contract. Every provider (GitHub, GitLab, Jira, Linear, Sentry, Cloudflare,
// GA4, Search Console) is one object implementing `Provider` (or `TrackerProvider` for issue trackers), listed
// in lib/integrations/registry.ts. Services (lib/services/integrations/) own the database, the credentials and
// the job flow; a provider only talks to its API through the `ProviderContext` it is handed, so it never sees
// Prisma, never reads the environment and never opens a socket except through `ctx.fetch` (SSRF-guarded,
// rate-limited, counted).
import { z } from "zod";

/** The `IntegrationProvider` enum of prisma/schema.prisma, as a zod enum for route params and payloads. */
export const PROVIDER_IDS = ["github", "gitlab", "jira", "linear", "sentry", "cloudflare", "ga4", "gsc"] as const;
export const providerIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = (typeof PROVIDER_IDS)[number];

export type ProviderKind = "tracker" | "security" | "cdn" | "analytics";

// ---------- credentials ----------

/** A personal access / API token (GitHub PAT, GitLab PAT, Jira API token with its e-mail, Linear key, …). */
export const tokenCredentialSchema = z.object({
  type: z.literal("token"),
  token: z.string().trim().min(8).max(4096),
  /** Jira Cloud basic auth needs the account e-mail next to the token; unused elsewhere. */
  email: z.email().max(320).optional(),
});

/** What an OAuth code exchange leaves us (never shown again after it is stored). */
export const oauthCredentialSchema = z.object({
  type: z.literal("oauth"),
  accessToken: z.string().min(1).max(8192),
  refreshToken: z.string().min(1).max(8192).optional(),
  /** ISO-8601; absent when the provider's tokens do not expire (GitHub OAuth apps). */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  scope: z.string().max(2000).optional(),
});

export const credentialSchema = z.discriminatedUnion("type", [tokenCredentialSchema, oauthCredentialSchema]);
export type Credential = z.infer<typeof credentialSchema>;

/** The bearer secret of either kind of credential. */
export function credentialSecret(c: Credential): string {
  return c.type === "token" ? c.token : c.accessToken;
}

/**
 * An OAuth 2 authorization-code flow (RFC 6749 §4.1) with `state` and, where the provider supports it, PKCE
 * (RFC 7636, S256). The client id/secret come from the operator's settings (lib/integrations/oauth-settings.ts),
 * never from the organization. Paths are relative to the integration's web base URL (self-hosted editions).
 */
export interface OAuthSpec {
  authorizePath: string;
  tokenPath: string;
  scopes: readonly string[];
  /** Whether to send a PKCE `code_challenge` (S256) and `code_verifier`. */
  pkce: boolean;
  /** The web origin (authorize/token pages) of an API base URL: api.github.com → github.com, …/api/v4 → … */
  webBaseUrl(apiBaseUrl: string): string;
}

// ---------- config (mapping) ----------

/** Plumb member (user id) ↔ provider account (login, username or account id). */
export const assigneeMapSchema = z.record(z.string().min(1).max(200), z.string().trim().min(1).max(200)).default({});

/** Labels added to every issue, plus per pillar and per severity (`{ "security": "security", "critical": "P0" }`). */
export const labelConfigSchema = z
  .object({
    always: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    byPillar: z.boolean().default(true),
    bySeverity: z.boolean().default(true),
  })
  .default({ always: [], byPillar: true, bySeverity: true });

// ---------- normalized issues ----------

export type ExternalIssueState = "open" | "closed";

/** A tracker issue as Plumb stores it in IntegrationLink. */
export interface ExternalIssue {
  /** The provider's stable id used in API paths (GitHub: the number within the repo; GitLab: the iid). */
  externalId: string;
  url: string;
  state: ExternalIssueState;
  /** The upstream issue's own updated_at: orders webhook deliveries and polling results. */
  updatedAt: Date;
  title?: string;
}

/** What Plumb wants an issue to say (built by lib/integrations/issue-draft.ts from a finding or task). */
export interface IssueDraft {
  title: string;
  /** GitHub-flavoured markdown; providers without markdown convert it. */
  body: string;
  labels: string[];
  /** Provider account names from the assignee map; empty when the finding has no mapped assignee. */
  assignees: string[];
}

// ---------- errors ----------

export type ProviderErrorKind =
  | "unauthorized" // 401: token revoked or expired
  | "forbidden" // 403 without a rate limit: missing scope/permission
  | "not_found" // 404: repo/project/issue gone, or hidden from this token
  | "validation" // 422 / 400: the provider refused what we sent
  | "rate_limited" // 429 or 403 with a rate-limit header: retry after `retryAfterMs`
  | "server" // 5xx
  | "network" // DNS, timeout, refused connection, SSRF guard
  | "invalid_response"; // a body that does not match what the provider documents

/** Every failure a provider reports, with a message fit to show the organization ("The token was revoked…"). */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = "ProviderError";
  }

  /** Worth retrying later (the sync function's retries); auth, permission and validation failures are not. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "server" || this.kind === "network";
  }
}

// ---------- context ----------

/** Counters of one sync, for the status line and the bench. */
export interface ProviderCallStats {
  calls: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
}

export interface ProviderContext<Config> {
  /** API base URL: the provider's public API, or the self-hosted instance's (GitHub Enterprise, GitLab self-managed). */
  apiBaseUrl: string;
  credential: Credential;
  config: Config;
  /**
   * The only way out: WHATWG fetch signature (so SDKs accept it) over lib/net/outbound.ts — SSRF-guarded on
   * every hop, size-capped — with the per-integration rate limiter in front (waits out `Retry-After` /
   * `X-RateLimit-Reset` / `RateLimit-Reset`).
   */
  fetch: typeof fetch;
  stats: ProviderCallStats;
}

// ---------- webhooks ----------

export interface WebhookRequest {
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The exact bytes received, as text: signatures are computed over them. */
  rawBody: string;
  /** The integration's webhook secret (decrypted). */
  secret: string;
}

/** A change upstream, normalized: what the sync needs to resolve or reopen the linked findings. */
export interface WebhookEvent {
  /** Provider delivery id (X-GitHub-Delivery, X-Gitlab-Event-UUID, …): stored to ignore replays. */
  deliveryId: string;
  /** Issue events carry the issue; anything else (ping, unrelated events) is `ignored`. */
  kind: "issue" | "ignored";
  issue?: ExternalIssue;
  /** The repository/project the event came from: events of another target than the configured one are ignored. */
  target?: string;
}

// ---------- providers ----------

export interface ProviderBase<Config> {
  id: ProviderId;
  displayName: string;
  kind: ProviderKind;
  /** Public API base URL; overridden per integration for self-hosted editions. */
  defaultApiBaseUrl: string;
  /** The token form's schema (what `POST /integrations/{provider}/connect` accepts as `credential`). */
  tokenCredential: typeof tokenCredentialSchema;
  /** Present when the provider offers OAuth. */
  oauth?: OAuthSpec;
  /** Permissions or scopes the token needs, for the setup form and the README. */
  requiredScopes: readonly string[];
  /** Repo/project/team, labels, assignee map … (`PATCH /integrations/{provider}`). */
  configSchema: z.ZodType<Config>;
  /** Checks the credential and the configured target; resolves to the account it authenticates as. */
  testConnection(ctx: ProviderContext<Config>): Promise<{ account: string; target?: string }>;
  /** Webhooks, when the provider sends them: false for a wrong or missing signature (timing-safe compare). */
  verifyWebhook?(req: WebhookRequest): boolean;
  /** Only called after verifyWebhook returned true. Throws ProviderError("invalid_response") for a malformed body. */
  parseWebhook?(req: WebhookRequest): WebhookEvent;
}

/** Issue trackers (GitHub, GitLab, Jira, Linear): the two-way issue sync. */
export interface TrackerProvider<Config> extends ProviderBase<Config> {
  kind: "tracker";
  createIssue(ctx: ProviderContext<Config>, draft: IssueDraft): Promise<ExternalIssue>;
  updateIssue(ctx: ProviderContext<Config>, externalId: string, draft: IssueDraft): Promise<ExternalIssue>;
  closeIssue(ctx: ProviderContext<Config>, externalId: string, comment?: string): Promise<ExternalIssue>;
  reopenIssue(ctx: ProviderContext<Config>, externalId: string, comment?: string): Promise<ExternalIssue>;
  getIssueState(ctx: ProviderContext<Config>, externalId: string): Promise<ExternalIssue>;
  /** Polling fallback: issues of the configured target updated since `since` (paginated by the provider). */
  listIssuesUpdatedSince?(ctx: ProviderContext<Config>, since: Date): Promise<ExternalIssue[]>;
}

/** Sentry, Cloudflare, GA4, Search Console: read (and for some, apply) data; no issue sync. */
export interface DataProvider<Config> extends ProviderBase<Config> {
  kind: "security" | "cdn" | "analytics";
}

// Config is erased in the registry (methods are declared as methods, so a provider typed with its own config
// fits): services parse the stored config with the provider's configSchema before handing it over.
export type AnyProvider = TrackerProvider<unknown> | DataProvider<unknown>;

export function isTracker(p: AnyProvider): p is TrackerProvider<unknown> {
  return p.kind === "tracker";
}
