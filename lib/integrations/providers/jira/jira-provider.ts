// Jira (Cloud REST v3 and Data Center REST v2) as an issue tracker: one issue per finding or task, closed and
// reopened through the workflow's own transitions (the first transition into a status of category "done", or
// back into "new"/"indeterminate"), and issue webhooks signed with the webhook's secret (`X-Hub-Signature`).
import { z } from "zod";
import { ProviderError, tokenCredentialSchema, type ExternalIssue, type IssueDraft, type ProviderContext, type TrackerProvider } from "@/lib/integrations/provider";
import { callJira, jiraClient } from "./jira-client";
import { jiraConfigSchema, type JiraConfig } from "./jira-config";
import { markdownToAdf, markdownToWiki } from "./markdown-to-adf";
import { parseJiraWebhook, verifyJiraWebhook } from "./jira-webhook";

const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string().optional(),
    updated: z.string().optional(),
    status: z.object({ name: z.string().optional(), statusCategory: z.object({ key: z.string() }).optional() }).optional(),
  }),
});
export type JiraIssueJson = z.infer<typeof issueSchema>;

const transitionsSchema = z.object({
  transitions: z.array(z.object({ id: z.string(), name: z.string(), to: z.object({ statusCategory: z.object({ key: z.string() }).optional() }).optional() })),
});

/** Jira labels are single words: spaces would split them (Jira refuses them with 400). */
function jiraLabel(label: string): string {
  return label.trim().replace(/\s+/g, "-").slice(0, 255);
}

export function jiraIssueToExternal(base: string, json: JiraIssueJson): ExternalIssue {
  const category = json.fields.status?.statusCategory?.key;
  const updated = json.fields.updated ? new Date(json.fields.updated) : new Date(0);
  return {
    externalId: json.id,
    url: `${base.replace(/\/+$/, "")}/browse/${encodeURIComponent(json.key)}`,
    state: category === "done" ? "closed" : "open",
    updatedAt: Number.isNaN(updated.getTime()) ? new Date(0) : updated,
    title: json.fields.summary,
  };
}

async function readIssue(ctx: ProviderContext<JiraConfig>, id: string): Promise<ExternalIssue> {
  const c = jiraClient(ctx);
  const raw = await callJira(() => c.api.getIssue({ issueIdOrKey: id, fields: ["summary", "status", "updated"] }));
  const parsed = issueSchema.safeParse(raw);
  if (!parsed.success) throw new ProviderError("invalid_response", "Jira answered with an issue Plumb could not read.");
  return jiraIssueToExternal(ctx.apiBaseUrl, parsed.data);
}

function description(ctx: ProviderContext<JiraConfig>, markdown: string) {
  return ctx.config.edition === "datacenter" ? markdownToWiki(markdown) : markdownToAdf(markdown);
}

function assignee(ctx: ProviderContext<JiraConfig>, draft: IssueDraft) {
  const who = draft.assignees[0];
  if (!who) return undefined;
  return ctx.config.edition === "datacenter" ? { name: who } : { accountId: who };
}

async function transitionTo(ctx: ProviderContext<JiraConfig>, id: string, categories: string[], comment?: string): Promise<ExternalIssue> {
  const c = jiraClient(ctx);
  if (comment) {
    const body = description(ctx, comment);
    await callJira(() => c.api.addComment({ issueIdOrKey: id, comment: body }));
  }
  const raw = await callJira(() => c.api.getTransitions({ issueIdOrKey: id }));
  const parsed = transitionsSchema.safeParse(raw);
  if (!parsed.success) throw new ProviderError("invalid_response", "Jira answered with transitions Plumb could not read.");
  let pick: { id: string } | undefined;
  for (const cat of categories) {
    pick = parsed.data.transitions.find((t) => t.to?.statusCategory?.key === cat);
    if (pick) break;
  }
  if (!pick) {
    const current = await readIssue(ctx, id);
    if ((current.state === "closed") === categories.includes("done")) return current;
    throw new ProviderError(
      "validation",
      `Jira's workflow offers no transition to a ${categories.includes("done") ? "done" : "to-do"} status for this issue; add one or move the issue by hand.`,
    );
  }
  const transitionId = pick.id;
  await callJira(() => c.api.doTransition({ issueIdOrKey: id, transition: { id: transitionId } }));
  return readIssue(ctx, id);
}

export const jiraProvider: TrackerProvider<JiraConfig> = {
  id: "jira",
  displayName: "Jira",
  kind: "tracker",
  defaultApiBaseUrl: "https://your-site.atlassian.net",
  tokenCredential: tokenCredentialSchema,
  oauth: {
    authorizePath: "/authorize",
    tokenPath: "/oauth/token",
    scopes: ["read:jira-work", "write:jira-work", "read:jira-user", "offline_access"],
    pkce: false,
    // Atlassian's OAuth 2.0 (3LO) lives on auth.atlassian.com for every Cloud site; elsewhere (a local or
    // proxied server) the site itself answers.
    webBaseUrl: (api) => (/(\.atlassian\.net|api\.atlassian\.com)$/i.test(new URL(api).hostname) ? "https://auth.atlassian.com" : new URL(api).origin),
  },
  requiredScopes: ["Browse projects", "Create issues", "Edit issues", "Transition issues", "Add comments", "Assign issues"],
  configSchema: jiraConfigSchema,

  async testConnection(ctx) {
    const c = jiraClient(ctx);
    const me = (await callJira(() => c.api.getCurrentUser())) as { displayName?: string; accountId?: string; name?: string };
    const project = (await callJira(() => c.api.getProject({ projectIdOrKey: ctx.config.projectKey }))) as { key?: string; name?: string };
    return { account: me.displayName ?? me.accountId ?? me.name ?? "Jira user", target: `${project.key ?? ctx.config.projectKey} ${project.name ?? ""}`.trim() };
  },

  async createIssue(ctx, draft) {
    const c = jiraClient(ctx);
    const fields = {
      project: { key: ctx.config.projectKey },
      issuetype: { name: ctx.config.issueType },
      summary: draft.title.slice(0, 255),
      description: description(ctx, draft.body),
      labels: draft.labels.map(jiraLabel),
      ...(assignee(ctx, draft) ? { assignee: assignee(ctx, draft) } : {}),
    };
    const created = (await callJira(() => c.api.createIssue({ fields }))) as { id?: unknown };
    if (typeof created.id !== "string") throw new ProviderError("invalid_response", "Jira created the issue but did not say its id.");
    return readIssue(ctx, created.id);
  },

  async updateIssue(ctx, externalId, draft) {
    const c = jiraClient(ctx);
    const fields = {
      summary: draft.title.slice(0, 255),
      description: description(ctx, draft.body),
      labels: draft.labels.map(jiraLabel),
      ...(assignee(ctx, draft) ? { assignee: assignee(ctx, draft) } : {}),
    };
    await callJira(() => c.api.editIssue({ issueIdOrKey: externalId, fields }));
    return readIssue(ctx, externalId);
  },

  closeIssue: (ctx, externalId, comment) => transitionTo(ctx, externalId, ["done"], comment),
  reopenIssue: (ctx, externalId, comment) => transitionTo(ctx, externalId, ["new", "indeterminate"], comment),
  getIssueState: (ctx, externalId) => readIssue(ctx, externalId),

  verifyWebhook: verifyJiraWebhook,
  parseWebhook: (req) => parseJiraWebhook(req),
};
