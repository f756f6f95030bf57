// Linear as an issue tracker, through @linear/sdk: one issue per finding or task in the configured team,
// labels found or created by name, closed by moving the issue to the team's first "completed" workflow state and
// reopened to its first "unstarted" one. Webhooks: `Linear-Signature` (HMAC-SHA256 of the raw body, hex) and
// `webhookTimestamp` within a minute (replay protection); `Linear-Delivery` is the delivery id.
import type { Issue, LinearSdk } from "@linear/sdk";
import { ProviderError, tokenCredentialSchema, type ExternalIssue, type ProviderContext, type TrackerProvider } from "@/lib/integrations/provider";
import { LINEAR_API_URL, linearConfigSchema, type LinearConfig } from "./linear-config";
import { linearSdk } from "./linear-sdk";
import { parseLinearWebhook, verifyLinearWebhook } from "./linear-webhook";

interface TeamInfo {
  id: string;
  key: string;
  name: string;
  states: { id: string; type: string; position: number }[];
}

// Per-sync caches (a context lives for one sync): the team's states and label ids are read once, not per issue.
const teams = new WeakMap<object, Promise<TeamInfo>>();
const labelIds = new WeakMap<object, Map<string, string>>();

function team(ctx: ProviderContext<LinearConfig>, sdk: LinearSdk): Promise<TeamInfo> {
  let p = teams.get(ctx);
  if (!p) {
    p = (async () => {
      const t = await sdk.team(ctx.config.teamId);
      const conn = await sdk.workflowStates({ filter: { team: { id: { eq: t.id } } }, first: 100 });
      return { id: t.id, key: t.key, name: t.name, states: conn.nodes.map((s) => ({ id: s.id, type: s.type, position: s.position })) };
    })();
    teams.set(ctx, p);
    p.catch(() => teams.delete(ctx));
  }
  return p;
}

export function linearStateIsClosed(type: string | undefined): boolean {
  return type === "completed" || type === "canceled";
}

function toExternal(issue: Issue, t: TeamInfo): ExternalIssue {
  const type = t.states.find((s) => s.id === issue.stateId)?.type;
  return { externalId: issue.id, url: issue.url, state: linearStateIsClosed(type) ? "closed" : "open", updatedAt: new Date(issue.updatedAt), title: issue.title };
}

async function readIssue(ctx: ProviderContext<LinearConfig>, sdk: LinearSdk, id: string): Promise<ExternalIssue> {
  const [issue, t] = await Promise.all([sdk.issue(id), team(ctx, sdk)]);
  return toExternal(issue, t);
}

async function resolveLabels(ctx: ProviderContext<LinearConfig>, sdk: LinearSdk, names: string[]): Promise<string[]> {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (!wanted.length) return [];
  let cache = labelIds.get(ctx);
  if (!cache) labelIds.set(ctx, (cache = new Map()));
  const missing = wanted.filter((n) => !cache.has(n.toLowerCase()));
  if (missing.length) {
    const t = await team(ctx, sdk);
    const found = await sdk.issueLabels({ filter: { name: { in: missing } }, first: 100 });
    for (const l of found.nodes) cache.set(l.name.toLowerCase(), l.id);
    for (const name of missing.filter((n) => !cache.has(n.toLowerCase()))) {
      const created = await sdk.createIssueLabel({ name, teamId: t.id });
      const id = created.issueLabelId;
      if (!id) throw new ProviderError("invalid_response", "Linear created a label but did not say its id.");
      cache.set(name.toLowerCase(), id);
    }
  }
  return wanted.map((n) => cache.get(n.toLowerCase())!).filter(Boolean);
}

async function moveTo(ctx: ProviderContext<LinearConfig>, externalId: string, types: string[], comment?: string): Promise<ExternalIssue> {
  const sdk = linearSdk(ctx);
  const t = await team(ctx, sdk);
  const target = types.map((type) => t.states.filter((s) => s.type === type).sort((a, b) => a.position - b.position)[0]).find(Boolean);
  if (!target) throw new ProviderError("validation", `The Linear team ${t.key} has no "${types[0]}" workflow state.`);
  if (comment) await sdk.createComment({ issueId: externalId, body: comment });
  await sdk.updateIssue(externalId, { stateId: target.id });
  return readIssue(ctx, sdk, externalId);
}

export const linearProvider: TrackerProvider<LinearConfig> = {
  id: "linear",
  displayName: "Linear",
  kind: "tracker",
  defaultApiBaseUrl: LINEAR_API_URL,
  tokenCredential: tokenCredentialSchema,
  oauth: {
    authorizePath: "/oauth/authorize",
    tokenPath: "/oauth/token",
    scopes: ["read", "write"],
    pkce: true,
    // Linear's consent page is on linear.app; a local server answers both pages itself.
    webBaseUrl: (api) => (new URL(api).hostname === "api.linear.app" ? "https://linear.app" : new URL(api).origin),
  },
  requiredScopes: ["read", "write (issues:create and comments:create are enough for OAuth apps)"],
  configSchema: linearConfigSchema,

  async testConnection(ctx) {
    const sdk = linearSdk(ctx);
    const me = await sdk.viewer;
    const t = await team(ctx, sdk);
    return { account: me.name, target: `${t.key} ${t.name}` };
  },

  async createIssue(ctx, draft) {
    const sdk = linearSdk(ctx);
    const t = await team(ctx, sdk);
    const ids = await resolveLabels(ctx, sdk, draft.labels);
    const payload = await sdk.createIssue({
      teamId: t.id,
      title: draft.title.slice(0, 255),
      description: draft.body,
      labelIds: ids,
      ...(draft.assignees[0] ? { assigneeId: draft.assignees[0] } : {}),
    });
    if (!payload.success || !payload.issueId) throw new ProviderError("invalid_response", "Linear did not confirm the new issue.");
    return readIssue(ctx, sdk, payload.issueId);
  },

  async updateIssue(ctx, externalId, draft) {
    const sdk = linearSdk(ctx);
    const ids = await resolveLabels(ctx, sdk, draft.labels);
    await sdk.updateIssue(externalId, {
      title: draft.title.slice(0, 255),
      description: draft.body,
      labelIds: ids,
      ...(draft.assignees[0] ? { assigneeId: draft.assignees[0] } : {}),
    });
    return readIssue(ctx, sdk, externalId);
  },

  closeIssue: (ctx, externalId, comment) => moveTo(ctx, externalId, ["completed"], comment),
  reopenIssue: (ctx, externalId, comment) => moveTo(ctx, externalId, ["unstarted", "backlog", "started"], comment),
  getIssueState: (ctx, externalId) => readIssue(ctx, linearSdk(ctx), externalId),

  async listIssuesUpdatedSince(ctx, since) {
    const sdk = linearSdk(ctx);
    const t = await team(ctx, sdk);
    let conn = await sdk.issues({ filter: { team: { id: { eq: t.id } }, updatedAt: { gt: since } }, first: 100 });
    for (let pages = 1; conn.pageInfo.hasNextPage && pages < 50; pages++) conn = await conn.fetchNext();
    return conn.nodes.map((i) => toExternal(i, t));
  },

  verifyWebhook: (req) => verifyLinearWebhook(req),
  parseWebhook: (req) => parseLinearWebhook(req),
};
