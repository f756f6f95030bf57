// GitLab (gitlab.com and self-managed) through @gitbeaker/rest's resources, given a requester built on the
// framework's guarded fetch (gitlab-requester.ts). Issues are addressed by iid within the configured project;
// labels are sent by name (GitLab creates missing ones); assignees are mapped Plumb member → GitLab username,
// resolved to user ids once per sync.
import { Issues, IssueNotes, Projects, Users } from "@gitbeaker/rest";
import { ProviderError, tokenCredentialSchema, type ExternalIssue, type IssueDraft, type ProviderContext, type TrackerProvider } from "@/lib/integrations/provider";
import { GITLAB_API, gitlabConfigSchema, type GitlabConfig } from "./gitlab-config";
import { gitlabRequesterFn } from "./gitlab-requester";
import { gitlabDate, gitlabIssueSchema, gitlabProjectSchema, gitlabUserSchema, type GitlabIssue } from "./gitlab-schemas";
import { parseGitlabWebhook, verifyGitlabWebhook } from "./gitlab-webhook";

/** GitLab's Reporter role: the least that may create and edit issues. */
const REPORTER = 20;
const MAX_POLLED = 10_000;

/** The instance root gitbeaker wants (it appends /api/v4 itself): https://host/gitlab/api/v4 → https://host/gitlab. */
export function gitlabHost(apiBaseUrl: string): string {
  return apiBaseUrl.replace(/\/+$/, "").replace(/\/api\/v4$/, "");
}

function options(ctx: ProviderContext<GitlabConfig>) {
  const c = ctx.credential;
  const auth = c.type === "oauth" ? { oauthToken: c.accessToken } : { token: c.token };
  return { host: gitlabHost(ctx.apiBaseUrl), ...auth, requesterFn: gitlabRequesterFn(ctx as ProviderContext<unknown>) };
}

function project(ctx: ProviderContext<GitlabConfig>): string {
  if (!ctx.config.project) throw new ProviderError("validation", "Choose the GitLab project issues go to (Settings → Integrations → GitLab).");
  return ctx.config.project;
}

function iid(externalId: string): number {
  const n = Number(externalId);
  if (!Number.isSafeInteger(n) || n <= 0) throw new ProviderError("validation", `Not a GitLab issue iid: ${externalId}`);
  return n;
}

function external(i: GitlabIssue): ExternalIssue {
  const exact = gitlabDate(i.updated_at);
  // Whole seconds: Issue Hook payloads carry second precision ("… 17:23:34 UTC"), and webhook and API states
  // are ordered against each other — a millisecond part here would make the webhook look older than it is.
  const updatedAt = exact ? new Date(Math.floor(exact.getTime() / 1000) * 1000) : null;
  if (!updatedAt) throw new ProviderError("invalid_response", "GitLab answered with an issue date Plumb could not read.");
  return { externalId: String(i.iid), url: i.web_url, state: i.state === "closed" ? "closed" : "open", updatedAt, title: i.title };
}

function toExternal(raw: unknown): ExternalIssue {
  const parsed = gitlabIssueSchema.safeParse(raw);
  if (!parsed.success) throw new ProviderError("invalid_response", "GitLab answered with an issue Plumb could not read.");
  return external(parsed.data);
}

/** GitLab takes labels as one comma-separated string, so a comma inside a name would split it. */
function labels(draft: IssueDraft): string {
  return draft.labels.map((l) => l.replace(/,/g, " ").trim()).filter(Boolean).join(",");
}

// Username → user id, per sync (a context lives for one sync).
const userIds = new WeakMap<object, Map<string, number>>();

async function assigneeIds(ctx: ProviderContext<GitlabConfig>, usernames: string[]): Promise<number[]> {
  let cache = userIds.get(ctx);
  if (!cache) userIds.set(ctx, (cache = new Map()));
  const users = new Users(options(ctx));
  const out: number[] = [];
  for (const name of usernames.slice(0, 10)) {
    let id = cache.get(name.toLowerCase());
    if (id === undefined) {
      const found = (await users.all({ username: name })) as unknown;
      const list = Array.isArray(found) ? found.map((u) => gitlabUserSchema.safeParse(u)).filter((r) => r.success).map((r) => r.data) : [];
      const match = list.find((u) => u.username.toLowerCase() === name.toLowerCase());
      // An unknown username is the provider refusing the assignee: the sync files the issue without it.
      if (!match) throw new ProviderError("validation", `GitLab has no user named ${name.slice(0, 100)}.`);
      id = match.id;
      cache.set(name.toLowerCase(), id);
    }
    out.push(id);
  }
  return out;
}

async function note(ctx: ProviderContext<GitlabConfig>, n: number, body: string | undefined): Promise<void> {
  if (!body) return;
  await new IssueNotes(options(ctx)).create(project(ctx), n, body);
}

async function edit(ctx: ProviderContext<GitlabConfig>, n: number, fields: Record<string, unknown>): Promise<ExternalIssue> {
  return toExternal(await new Issues(options(ctx)).edit(project(ctx), n, fields));
}

export const gitlabProvider: TrackerProvider<GitlabConfig> = {
  id: "gitlab",
  displayName: "GitLab",
  kind: "tracker",
  defaultApiBaseUrl: GITLAB_API,
  tokenCredential: tokenCredentialSchema,
  oauth: {
    authorizePath: "/oauth/authorize",
    tokenPath: "/oauth/token",
    scopes: ["api"],
    pkce: true,
    webBaseUrl: (api) => gitlabHost(api),
  },
  requiredScopes: ["api (personal, group or project access token with at least the Reporter role on the project)"],
  configSchema: gitlabConfigSchema,

  async testConnection(ctx) {
    const me = gitlabUserSchema.safeParse(await new Users(options(ctx)).showCurrentUser());
    if (!me.success) throw new ProviderError("invalid_response", "GitLab answered /user with something Plumb could not read.");
    if (!ctx.config.project) return { account: me.data.username };
    const p = gitlabProjectSchema.safeParse(await new Projects(options(ctx)).show(project(ctx)));
    if (!p.success) throw new ProviderError("invalid_response", "GitLab answered with a project Plumb could not read.");
    if (p.data.archived) throw new ProviderError("validation", `${p.data.path_with_namespace} is archived: GitLab refuses new issues there.`);
    if (p.data.issues_enabled === false) throw new ProviderError("validation", `Issues are turned off in ${p.data.path_with_namespace}.`);
    const level = Math.max(p.data.permissions?.project_access?.access_level ?? 0, p.data.permissions?.group_access?.access_level ?? 0);
    if (p.data.permissions && level < REPORTER) throw new ProviderError("forbidden", `The token can see ${p.data.path_with_namespace} but needs at least the Reporter role to file issues.`);
    return { account: me.data.username, target: p.data.path_with_namespace };
  },

  async createIssue(ctx, draft) {
    const ids = await assigneeIds(ctx, draft.assignees);
    const raw = await new Issues(options(ctx)).create(project(ctx), draft.title, { description: draft.body, labels: labels(draft), ...(ids.length ? { assigneeIds: ids } : {}) });
    return toExternal(raw);
  },

  async updateIssue(ctx, externalId, draft) {
    const ids = await assigneeIds(ctx, draft.assignees);
    // assignee_ids: [] would unassign whoever picked the issue up in GitLab; only a mapped assignee is set.
    return edit(ctx, iid(externalId), { title: draft.title, description: draft.body, labels: labels(draft), ...(ids.length ? { assigneeIds: ids } : {}) });
  },

  async closeIssue(ctx, externalId, comment) {
    const n = iid(externalId);
    await note(ctx, n, comment);
    return edit(ctx, n, { stateEvent: "close" });
  },

  async reopenIssue(ctx, externalId, comment) {
    const n = iid(externalId);
    const issue = await edit(ctx, n, { stateEvent: "reopen" });
    await note(ctx, n, comment);
    return issue;
  },

  async getIssueState(ctx, externalId) {
    const raw = await new Issues(options(ctx)).show(iid(externalId), { projectId: project(ctx) });
    return toExternal(raw);
  },

  async listIssuesUpdatedSince(ctx, since) {
    // Offset pagination with the Link header (gitbeaker follows rel="next"), capped: a poll is a fallback.
    const raw = (await new Issues(options(ctx)).all({
      projectId: project(ctx),
      updatedAfter: since.toISOString(),
      scope: "all",
      orderBy: "updated_at",
      sort: "asc",
      perPage: 100,
      maxPages: MAX_POLLED / 100,
    })) as unknown;
    if (!Array.isArray(raw)) throw new ProviderError("invalid_response", "GitLab listed issues in a shape Plumb could not read.");
    return raw.map(toExternal);
  },

  verifyWebhook: (req) => verifyGitlabWebhook(req),
  parseWebhook: (req) => parseGitlabWebhook(req),
};
