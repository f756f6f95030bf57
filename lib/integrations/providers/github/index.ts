// GitHub (github.com and GitHub Enterprise Server) through @octokit/rest, given the framework's guarded fetch.
// Issues are addressed by number within the configured repository.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { ProviderError, credentialSecret, tokenCredentialSchema, type ExternalIssue, type IssueDraft, type ProviderContext, type TrackerProvider, type WebhookEvent, type WebhookRequest } from "../../provider";
import { githubConfigSchema, type GithubConfig } from "./config";
import { githubIssueSchema, githubIssuesEventSchema, githubRepoSchema, githubUserSchema, type GithubIssue } from "./schemas";
import { toProviderError } from "./errors";

export const GITHUB_API = "https://api.github.com";

function client(ctx: ProviderContext<GithubConfig>): Octokit {
  return new Octokit({
    auth: credentialSecret(ctx.credential),
    baseUrl: ctx.apiBaseUrl.replace(/\/+$/, ""),
    userAgent: "Plumb",
    request: { fetch: ctx.fetch },
    // Octokit logs deprecations and errors to the console with the request; Plumb reports errors itself.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

function repo(ctx: ProviderContext<GithubConfig>): { owner: string; repo: string } {
  const full = ctx.config.repository;
  if (!full) throw new ProviderError("validation", "Choose the repository issues go to (Settings → Integrations → GitHub).");
  const [owner, name] = full.split("/");
  return { owner: owner!, repo: name! };
}

function toExternal(raw: unknown): ExternalIssue {
  const parsed = githubIssueSchema.safeParse(raw);
  if (!parsed.success) throw new ProviderError("invalid_response", "GitHub answered with an issue Plumb could not read.");
  return external(parsed.data);
}

function external(i: GithubIssue): ExternalIssue {
  return { externalId: String(i.number), url: i.html_url, state: i.state, updatedAt: new Date(i.updated_at), title: i.title };
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toProviderError(err);
  }
}

function issueNumber(externalId: string): number {
  const n = Number(externalId);
  if (!Number.isSafeInteger(n) || n <= 0) throw new ProviderError("validation", `Not a GitHub issue number: ${externalId}`);
  return n;
}

async function comment(ctx: ProviderContext<GithubConfig>, n: number, body: string | undefined): Promise<void> {
  if (!body) return;
  const o = client(ctx);
  await call(() => o.rest.issues.createComment({ ...repo(ctx), issue_number: n, body }));
}

export const githubProvider: TrackerProvider<GithubConfig> = {
  id: "github",
  displayName: "GitHub",
  kind: "tracker",
  defaultApiBaseUrl: GITHUB_API,
  tokenCredential: tokenCredentialSchema,
  oauth: {
    authorizePath: "/login/oauth/authorize",
    tokenPath: "/login/oauth/access_token",
    scopes: ["repo"],
    pkce: true,
    webBaseUrl: (api) => {
      const u = new URL(api);
      if (u.hostname === "api.github.com") return "https://github.com";
      // GitHub Enterprise Server: https://host/api/v3 → https://host
      return `${u.origin}${u.pathname.replace(/\/api\/v3\/?$/, "").replace(/\/+$/, "")}`;
    },
  },
  requiredScopes: ["repo (classic token), or a fine-grained token with Issues: read and write and Metadata: read on the repository"],
  configSchema: githubConfigSchema,

  async testConnection(ctx) {
    const o = client(ctx);
    const me = githubUserSchema.safeParse((await call(() => o.rest.users.getAuthenticated())).data);
    if (!me.success) throw new ProviderError("invalid_response", "GitHub answered /user with something Plumb could not read.");
    if (!ctx.config.repository) return { account: me.data.login };
    const r = githubRepoSchema.safeParse((await call(() => o.rest.repos.get(repo(ctx)))).data);
    if (!r.success) throw new ProviderError("invalid_response", "GitHub answered with a repository Plumb could not read.");
    if (!r.data.has_issues) throw new ProviderError("validation", `Issues are turned off in ${r.data.full_name}.`);
    if (r.data.archived) throw new ProviderError("validation", `${r.data.full_name} is archived: GitHub refuses new issues there.`);
    if (r.data.permissions && !r.data.permissions.push && !r.data.permissions.triage && !r.data.permissions.admin) {
      throw new ProviderError("forbidden", `The token can read ${r.data.full_name} but not write issues (needs triage or write access).`);
    }
    return { account: me.data.login, target: r.data.full_name };
  },

  async createIssue(ctx, draft: IssueDraft) {
    const o = client(ctx);
    const res = await call(() =>
      o.rest.issues.create({ ...repo(ctx), title: draft.title, body: draft.body, labels: draft.labels, assignees: draft.assignees }),
    );
    return toExternal(res.data);
  },

  async updateIssue(ctx, externalId, draft) {
    const o = client(ctx);
    const res = await call(() =>
      o.rest.issues.update({ ...repo(ctx), issue_number: issueNumber(externalId), title: draft.title, body: draft.body, labels: draft.labels, assignees: draft.assignees }),
    );
    return toExternal(res.data);
  },

  async closeIssue(ctx, externalId, note) {
    const n = issueNumber(externalId);
    await comment(ctx, n, note);
    const o = client(ctx);
    return toExternal((await call(() => o.rest.issues.update({ ...repo(ctx), issue_number: n, state: "closed", state_reason: "completed" }))).data);
  },

  async reopenIssue(ctx, externalId, note) {
    const n = issueNumber(externalId);
    const o = client(ctx);
    const res = await call(() => o.rest.issues.update({ ...repo(ctx), issue_number: n, state: "open" }));
    await comment(ctx, n, note);
    return toExternal(res.data);
  },

  async getIssueState(ctx, externalId) {
    const o = client(ctx);
    return toExternal((await call(() => o.rest.issues.get({ ...repo(ctx), issue_number: issueNumber(externalId) }))).data);
  },

  async listIssuesUpdatedSince(ctx, since) {
    const o = client(ctx);
    const out: ExternalIssue[] = [];
    // Link-header pagination (octokit.paginate follows rel="next"); pull requests are skipped.
    await call(async () => {
      for await (const page of o.paginate.iterator(o.rest.issues.listForRepo, { ...repo(ctx), state: "all", since: since.toISOString(), per_page: 100, sort: "updated", direction: "asc" })) {
        for (const raw of page.data) {
          const i = githubIssueSchema.safeParse(raw);
          if (!i.success) throw new ProviderError("invalid_response", "GitHub listed an issue Plumb could not read.");
          if (i.data.pull_request === undefined) out.push(external(i.data));
        }
        if (out.length > 10_000) break; // a poll is a fallback, not a mirror
      }
    });
    return out;
  },

  verifyWebhook(req: WebhookRequest) {
    // X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the raw body with the webhook secret.
    const sig = req.headers["x-hub-signature-256"];
    if (!sig || !/^sha256=[0-9a-f]{64}$/i.test(sig)) return false;
    const expected = createHmac("sha256", req.secret).update(req.rawBody, "utf8").digest();
    const given = Buffer.from(sig.slice(7), "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  },

  parseWebhook(req: WebhookRequest): WebhookEvent {
    const deliveryId = req.headers["x-github-delivery"];
    if (!deliveryId || deliveryId.length > 200) throw new ProviderError("invalid_response", "Missing X-GitHub-Delivery header.");
    const event = req.headers["x-github-event"];
    if (event !== "issues") return { deliveryId, kind: "ignored" };
    let json: unknown;
    try {
      json = JSON.parse(req.rawBody);
    } catch {
      throw new ProviderError("invalid_response", "The webhook body is not JSON.");
    }
    const parsed = githubIssuesEventSchema.safeParse(json);
    if (!parsed.success || parsed.data.issue.pull_request !== undefined) return { deliveryId, kind: "ignored" };
    return { deliveryId, kind: "issue", issue: external(parsed.data.issue), target: parsed.data.repository.full_name };
  },
};

export { githubConfigSchema };
export type { GithubConfig };
