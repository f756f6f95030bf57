// A local Jira: the subset of the REST API (v3 for Cloud, v2 for Data Center) that Plumb calls, with Jira's
// paths, auth (Cloud: basic e-mail + API token; Data Center: bearer personal access token), bodies (ADF on v3,
// wiki-markup strings on v2), workflow transitions and error bodies (`{ errorMessages, errors }`).
import { createHmac } from "node:crypto";
import { authOf, json, parseJson, startProviderHttpServer, type ProviderHttpServer, type ProviderReply, type RecordedRequest } from "./provider-http";

type Category = "new" | "indeterminate" | "done";
const STATUSES: Record<string, { id: string; name: string; category: Category; catId: number; catName: string }> = {
  "10000": { id: "10000", name: "To Do", category: "new", catId: 2, catName: "To Do" },
  "3": { id: "3", name: "In Progress", category: "indeterminate", catId: 4, catName: "In Progress" },
  "10001": { id: "10001", name: "Done", category: "done", catId: 3, catName: "Done" },
};
const TRANSITIONS = [
  { id: "11", name: "To Do", to: "10000" },
  { id: "21", name: "In Progress", to: "3" },
  { id: "31", name: "Done", to: "10001" },
];

export interface JiraIssueState {
  id: string;
  key: string;
  summary: string;
  description: unknown;
  labels: string[];
  assignee: string | null;
  statusId: string;
  updated: Date;
  comments: unknown[];
  apiVersion: "2" | "3";
}

export interface JiraServer extends ProviderHttpServer {
  issues: Map<string, JiraIssueState>;
  /** Valid credentials: Cloud e-mail → API token, and Data Center bearer tokens. */
  addBasic(email: string, token: string): void;
  addBearer(token: string): void;
  revoke(token: string): void;
  /** Moves an issue as a person would in Jira's UI (bumps `updated`). */
  setStatus(idOrKey: string, category: Category): JiraIssueState;
  /** A webhook delivery for an issue, signed with `secret` as Jira does for webhooks registered with one. */
  webhook(idOrKey: string, opts: { secret: string; event?: string; identifier?: string }): { headers: Record<string, string>; rawBody: string };
}

function jiraTime(d: Date): string {
  return d.toISOString().replace("Z", "+0000");
}

export async function startJiraServer(opts: { projectKey?: string; accounts?: string[] } = {}): Promise<JiraServer> {
  const projectKey = opts.projectKey ?? "WEB";
  const accounts = new Set(opts.accounts ?? ["5b10ac8d82e05b22cc7d4ef5"]);
  const basic = new Map<string, string>();
  const bearer = new Set<string>();
  const revoked = new Set<string>();
  const issues = new Map<string, JiraIssueState>();
  let seq = 10000;
  let origin = "";
  let clock = Date.now();
  const tick = () => new Date((clock = Math.max(clock + 1000, Date.now())));

  const find = (idOrKey: string) => issues.get(idOrKey) ?? [...issues.values()].find((i) => i.key === idOrKey);
  const notFound = () => json(404, { errorMessages: ["Issue does not exist or you do not have permission to see it."], errors: {} });
  const issueJson = (i: JiraIssueState, v: string) => {
    const s = STATUSES[i.statusId];
    return {
      expand: "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
      id: i.id,
      self: `${origin}/rest/api/${v}/issue/${i.id}`,
      key: i.key,
      fields: {
        summary: i.summary,
        updated: jiraTime(i.updated),
        labels: i.labels,
        status: {
          self: `${origin}/rest/api/${v}/status/${s.id}`,
          name: s.name,
          id: s.id,
          statusCategory: { self: `${origin}/rest/api/${v}/statuscategory/${s.catId}`, id: s.catId, key: s.category, colorName: "blue-gray", name: s.catName },
        },
      },
    };
  };

  const authorize = (req: RecordedRequest): ProviderReply | null => {
    const a = authOf(req);
    const token = a.bearer ?? a.basic?.password;
    const ok = a.bearer ? bearer.has(a.bearer) : a.basic ? basic.get(a.basic.user) === a.basic.password : false;
    if (!token || !ok || revoked.has(token)) {
      return json(401, { errorMessages: ["You are not authenticated. Authentication required to perform this operation."], errors: {} }, { "www-authenticate": 'Basic realm="protected-area"' });
    }
    return null;
  };

  const validateFields = (fields: Record<string, unknown>, v: string, creating: boolean) => {
    const errors: Record<string, string> = {};
    if (creating) {
      const project = fields.project as { key?: string } | undefined;
      if (project?.key !== projectKey) errors.project = "valid project is required";
      const type = fields.issuetype as { name?: string } | undefined;
      if (!type?.name || !["Task", "Bug", "Story"].includes(type.name)) errors.issuetype = "Specify a valid issue type";
    }
    if ((creating || "summary" in fields) && (typeof fields.summary !== "string" || !fields.summary.trim())) errors.summary = "You must specify a summary of the issue.";
    if (typeof fields.summary === "string" && fields.summary.length > 255) errors.summary = "Summary must be less than 255 characters.";
    if ("description" in fields) {
      const d = fields.description as { type?: string; version?: number; content?: unknown } | string;
      if (v === "3" && (typeof d !== "object" || d === null || d.type !== "doc" || d.version !== 1 || !Array.isArray(d.content))) errors.description = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
      if (v === "2" && typeof d !== "string") errors.description = "Operation value must be a string";
    }
    if ("labels" in fields) {
      const labels = fields.labels;
      if (!Array.isArray(labels) || labels.some((l) => typeof l !== "string" || /\s/.test(l))) errors.labels = "The label must not contain spaces.";
    }
    if ("assignee" in fields && fields.assignee !== null) {
      const a = fields.assignee as { accountId?: string; name?: string };
      const who = v === "3" ? a.accountId : a.name;
      if (!who || !accounts.has(who)) errors.assignee = `User '${who ?? ""}' cannot be assigned issues.`;
    }
    return errors;
  };

  const server = await startProviderHttpServer((req) => {
    const m = /^\/rest\/api\/(2|3)(\/.*)$/.exec(req.path);
    if (!m) return json(404, { errorMessages: ["Not found"], errors: {} });
    const denied = authorize(req);
    if (denied) return denied;
    const [, v, rest] = m;
    const body = parseJson(req.body) as Record<string, unknown> | undefined;

    if (req.method === "GET" && rest === "/myself") {
      return json(200, v === "3"
        ? { self: `${origin}/rest/api/3/user?accountId=${[...accounts][0]}`, accountId: [...accounts][0], accountType: "atlassian", displayName: "Plumb Bot", active: true }
        : { self: `${origin}/rest/api/2/user?username=plumb`, key: "plumb", name: "plumb", displayName: "Plumb Bot", active: true });
    }
    const proj = /^\/project\/([^/]+)$/.exec(rest);
    if (req.method === "GET" && proj) {
      if (proj[1] !== projectKey) return json(404, { errorMessages: [`No project could be found with key '${proj[1]}'.`], errors: {} });
      return json(200, { self: `${origin}/rest/api/${v}/project/10000`, id: "10000", key: projectKey, name: "Website", projectTypeKey: "software" });
    }
    if (req.method === "POST" && rest === "/issue") {
      const fields = (body?.fields ?? {}) as Record<string, unknown>;
      const errors = validateFields(fields, v, true);
      if (Object.keys(errors).length) return json(400, { errorMessages: [], errors });
      const id = String(++seq);
      const issue: JiraIssueState = {
        id,
        key: `${projectKey}-${seq - 10000}`,
        summary: String(fields.summary),
        description: fields.description ?? null,
        labels: (fields.labels as string[] | undefined) ?? [],
        assignee: fields.assignee ? String((fields.assignee as { accountId?: string; name?: string }).accountId ?? (fields.assignee as { name?: string }).name) : null,
        statusId: "10000",
        updated: tick(),
        comments: [],
        apiVersion: v as "2" | "3",
      };
      issues.set(id, issue);
      return json(201, { id, key: issue.key, self: `${origin}/rest/api/${v}/issue/${id}` });
    }
    const one = /^\/issue\/([^/]+)(\/transitions|\/comment)?$/.exec(rest);
    if (one) {
      const issue = find(decodeURIComponent(one[1]));
      if (!issue) return notFound();
      if (!one[2] && req.method === "GET") return json(200, issueJson(issue, v));
      if (!one[2] && req.method === "PUT") {
        const fields = (body?.fields ?? {}) as Record<string, unknown>;
        const errors = validateFields(fields, v, false);
        if (Object.keys(errors).length) return json(400, { errorMessages: [], errors });
        if (typeof fields.summary === "string") issue.summary = fields.summary;
        if ("description" in fields) issue.description = fields.description;
        if (Array.isArray(fields.labels)) issue.labels = fields.labels as string[];
        if ("assignee" in fields) issue.assignee = fields.assignee ? String((fields.assignee as { accountId?: string; name?: string }).accountId ?? (fields.assignee as { name?: string }).name) : null;
        issue.updated = tick();
        return { status: 204 };
      }
      if (one[2] === "/transitions" && req.method === "GET") {
        return json(200, {
          expand: "transitions",
          transitions: TRANSITIONS.filter((t) => t.to !== issue.statusId).map((t) => {
            const s = STATUSES[t.to];
            return {
              id: t.id,
              name: t.name,
              to: { self: `${origin}/rest/api/${v}/status/${s.id}`, name: s.name, id: s.id, statusCategory: { self: `${origin}/rest/api/${v}/statuscategory/${s.catId}`, id: s.catId, key: s.category, colorName: "blue-gray", name: s.catName } },
              hasScreen: false,
              isGlobal: true,
              isInitial: false,
              isAvailable: true,
              isConditional: false,
            };
          }),
        });
      }
      if (one[2] === "/transitions" && req.method === "POST") {
        const t = TRANSITIONS.find((x) => x.id === String((body?.transition as { id?: unknown } | undefined)?.id ?? ""));
        if (!t || t.to === issue.statusId) return json(400, { errorMessages: ["Transition id is not valid for this issue."], errors: {} });
        issue.statusId = t.to;
        issue.updated = tick();
        return { status: 204 };
      }
      if (one[2] === "/comment" && req.method === "POST") {
        const c = body?.body;
        if (v === "3" ? typeof c !== "object" || c === null : typeof c !== "string") return json(400, { errorMessages: [], errors: { comment: "Comment body can not be empty!" } });
        issue.comments.push(c);
        issue.updated = tick();
        return json(201, { id: String(issue.comments.length), body: c, created: jiraTime(issue.updated) });
      }
    }
    return json(404, { errorMessages: ["null for uri: " + req.path], errors: {} });
  });
  origin = server.origin;

  return {
    ...server,
    issues,
    addBasic: (email, token) => void basic.set(email, token),
    addBearer: (token) => void bearer.add(token),
    revoke: (token) => void revoked.add(token),
    setStatus(idOrKey, category) {
      const issue = find(idOrKey);
      if (!issue) throw new Error(`no issue ${idOrKey}`);
      issue.statusId = Object.values(STATUSES).find((s) => s.category === category)!.id;
      issue.updated = tick();
      return issue;
    },
    webhook(idOrKey, o) {
      const issue = find(idOrKey);
      if (!issue) throw new Error(`no issue ${idOrKey}`);
      const rawBody = JSON.stringify({ timestamp: Date.now(), webhookEvent: o.event ?? "jira:issue_updated", issue_event_type_name: "issue_generic", issue: issueJson(issue, issue.apiVersion) });
      return {
        rawBody,
        headers: {
          "content-type": "application/json",
          "x-atlassian-webhook-identifier": o.identifier ?? String(Math.floor(Math.random() * 1e12)),
          "x-hub-signature": `sha256=${createHmac("sha256", o.secret).update(rawBody).digest("hex")}`,
        },
      };
    },
  };
}
