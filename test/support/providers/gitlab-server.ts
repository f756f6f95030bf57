// A local GitLab (REST v4 under /api/v4, as gitlab.com and self-managed instances serve it) implementing what
// Plumb calls: GET /user, GET /users?username=, GET /projects/:id (URL-encoded full path or numeric id),
// issues (create, show, edit with state_event, list with updated_after and offset pagination: Link,
// X-Page, X-Next-Page, X-Total…), issue notes, and the OAuth web flow (/oauth/authorize, /oauth/token with
// PKCE). Auth is `PRIVATE-TOKEN` or `Authorization: Bearer` like GitLab; errors use GitLab's bodies
// ({ message: "404 Project Not Found" }, { message: { title: ["can't be blank"] } }, 429 "Retry later" with
// Retry-After and RateLimit-*). Faults are injected per request with `failNext`. Tests point the real
// gitbeaker at `apiBaseUrl`.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeGitlabIssue {
  id: number;
  iid: number;
  title: string;
  description: string | null;
  state: "opened" | "closed";
  labels: string[];
  assigneeIds: number[];
  notes: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface FakeGitlabProject {
  id: number;
  path: string;
  issues: FakeGitlabIssue[];
  accessLevel: number;
  issuesEnabled: boolean;
  archived: boolean;
}

export interface GitlabFault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Only requests whose "METHOD /path" matches (default: any). */
  match?: RegExp;
}

export interface FakeGitlab {
  origin: string;
  apiBaseUrl: string;
  host: string;
  projects: Map<string, FakeGitlabProject>;
  users: Map<string, number>;
  tokens: Map<string, string>;
  calls: string[];
  /** Request headers of every call, in order (to check the auth header gitbeaker sends). */
  headers: http.IncomingHttpHeaders[];
  failNext(fault: GitlabFault): void;
  addProject(path: string, opts?: { accessLevel?: number; issuesEnabled?: boolean; archived?: boolean }): FakeGitlabProject;
  addUser(username: string): number;
  addToken(token: string, username: string): void;
  revoke(token: string): void;
  issue(path: string, iid: number): (FakeGitlabIssue & { assignees: string[] }) | undefined;
  /** A person closing or reopening the issue in GitLab; returns the Issue Hook payload GitLab would send. */
  setState(path: string, iid: number, state: "opened" | "closed"): Record<string, unknown>;
  oauth: { clientId: string; clientSecret: string; codes: Map<string, { username: string; redirectUri: string; challenge: string | null }> };
  close(): Promise<void>;
}

export async function startFakeGitlab(opts: { /** every Nth write answers GitLab's 429 "Retry later" with Retry-After: 1 */ limitEvery?: number } = {}): Promise<FakeGitlab> {
  let writes = 0;
  const projects = new Map<string, FakeGitlabProject>();
  const users = new Map<string, number>();
  const tokens = new Map<string, string>();
  const calls: string[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const faults: GitlabFault[] = [];
  const oauth: FakeGitlab["oauth"] = { clientId: randomBytes(16).toString("hex"), clientSecret: `gloas-${randomBytes(20).toString("hex")}`, codes: new Map() };
  let nextId = 5000;
  let clock = Date.now();
  // Strictly increasing, a second apart: GitLab's updated_at orders changes (webhooks carry whole seconds).
  const tick = () => {
    clock = Math.max(clock + 1000, Date.now());
    return new Date(Math.floor(clock / 1000) * 1000);
  };
  const iso = (d: Date) => d.toISOString();
  const hookDate = (s: string) => `${s.slice(0, 10)} ${s.slice(11, 19)} UTC`;
  const usernameOf = (id: number) => [...users.entries()].find(([, v]) => v === id)?.[0] ?? `user${id}`;
  let origin = "";
  const refreshTokens = new Map<string, string>();
  /** access token → the refresh token issued with it */
  const accessOf = new Map<string, string>();

  const issueJson = (p: FakeGitlabProject, i: FakeGitlabIssue) => ({
    id: i.id,
    iid: i.iid,
    project_id: p.id,
    title: i.title,
    description: i.description,
    state: i.state,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    closed_by: null,
    labels: i.labels,
    milestone: null,
    assignees: i.assigneeIds.map((id) => ({ id, username: usernameOf(id), name: usernameOf(id), state: "active", web_url: `${origin}/${usernameOf(id)}` })),
    assignee: i.assigneeIds[0] ? { id: i.assigneeIds[0], username: usernameOf(i.assigneeIds[0]) } : null,
    author: { id: 1, username: "plumb-bot", name: "Plumb", state: "active" },
    type: "ISSUE",
    issue_type: "issue",
    user_notes_count: i.notes.length,
    confidential: false,
    web_url: `${origin}/${p.path}/-/issues/${i.iid}`,
    references: { short: `#${i.iid}`, relative: `#${i.iid}`, full: `${p.path}#${i.iid}` },
  });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const method = req.method ?? "GET";
    calls.push(`${method} ${url.pathname}${url.search}`);
    headers.push(req.headers);
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "max-age=0, private, must-revalidate", ...extra });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    const message = (status: number, msg: unknown) => send(status, { message: msg });
    const issue = (username: string) => {
      const token = randomBytes(32).toString("hex");
      const refresh = randomBytes(32).toString("hex");
      tokens.set(token, username);
      refreshTokens.set(refresh, username);
      accessOf.set(token, refresh);
      return send(200, { access_token: token, token_type: "Bearer", expires_in: 7200, refresh_token: refresh, scope: "api", created_at: Math.floor(Date.now() / 1000) });
    };

    const faultIdx = faults.findIndex((f) => !f.match || f.match.test(`${method} ${url.pathname}`));
    if (faultIdx >= 0 && url.pathname.startsWith("/api/v4/")) {
      const f = faults.splice(faultIdx, 1)[0]!;
      if (f.status === 429 && f.body === undefined) {
        res.writeHead(429, { "content-type": "text/plain", "ratelimit-limit": "2000", "ratelimit-observed": "2001", "ratelimit-remaining": "0", ...f.headers });
        return res.end("Retry later\n");
      }
      return send(f.status, f.body ?? { message: `${f.status} ${http.STATUS_CODES[f.status] ?? "Error"}` }, f.headers);
    }

    if (opts.limitEvery && (method === "POST" || method === "PUT") && url.pathname.startsWith("/api/v4/") && ++writes % opts.limitEvery === 0) {
      res.writeHead(429, { "content-type": "text/plain", "retry-after": "1", "ratelimit-limit": "600", "ratelimit-observed": "601", "ratelimit-remaining": "0", "ratelimit-reset": String(Math.floor(Date.now() / 1000) + 1) });
      return res.end("Retry later\n");
    }

    // ----- OAuth (Doorkeeper) -----
    if (method === "GET" && url.pathname === "/oauth/authorize") {
      const clientId = url.searchParams.get("client_id");
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      if (clientId !== oauth.clientId) return send(401, { error: "invalid_client", error_description: "Client authentication failed due to unknown client." });
      if (url.searchParams.get("response_type") !== "code") return send(400, { error: "unsupported_response_type" });
      const challenge = url.searchParams.get("code_challenge");
      if (challenge && url.searchParams.get("code_challenge_method") !== "S256") return send(400, { error: "invalid_request" });
      // Auto-approves as "gl-owner": the consent screen a person would click through.
      const code = randomBytes(16).toString("hex");
      oauth.codes.set(code, { username: "gl-owner", redirectUri, challenge });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (method === "POST" && url.pathname === "/oauth/token") {
      const type = req.headers["content-type"] ?? "";
      const p: Record<string, string> = type.includes("json") ? (JSON.parse(raw || "{}") as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw));
      const invalidGrant = () => send(400, { error: "invalid_grant", error_description: "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client." });
      if (p.client_id !== oauth.clientId || p.client_secret !== oauth.clientSecret) return send(401, { error: "invalid_client", error_description: "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method." });
      if (p.grant_type === "refresh_token") {
        // GitLab rotates both tokens on a refresh: the old access and refresh tokens stop working.
        const username = refreshTokens.get(p.refresh_token ?? "");
        if (!username) return invalidGrant();
        refreshTokens.delete(p.refresh_token!);
        for (const [t, prev] of accessOf) if (prev === p.refresh_token) tokens.delete(t);
        return issue(username);
      }
      if (p.grant_type !== "authorization_code") return send(400, { error: "unsupported_grant_type" });
      const entry = oauth.codes.get(p.code ?? "");
      if (!entry || p.redirect_uri !== entry.redirectUri) return invalidGrant();
      if (entry.challenge && createHash("sha256").update(p.code_verifier ?? "").digest("base64url") !== entry.challenge) return invalidGrant();
      oauth.codes.delete(p.code!);
      return issue(entry.username);
    }

    // ----- REST v4 -----
    if (!url.pathname.startsWith("/api/v4/")) return message(404, "404 Not Found");
    const path = url.pathname.slice("/api/v4".length);
    const bearer = /^bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const token = (req.headers["private-token"] as string | undefined) ?? bearer;
    const username = token ? tokens.get(token) : undefined;
    if (!username) return message(401, "401 Unauthorized");

    if (method === "GET" && path === "/user") return send(200, { id: users.get(username) ?? 1, username, name: username, state: "active", web_url: `${origin}/${username}` });
    if (method === "GET" && path === "/users") {
      const q = url.searchParams.get("username") ?? "";
      const id = users.get(q);
      return send(200, id ? [{ id, username: q, name: q, state: "active", web_url: `${origin}/${q}` }] : []);
    }

    // Node's URL keeps %2F encoded in pathname: split on real slashes only.
    const pm = /^\/projects\/([^/]+)(\/.*)?$/.exec(path);
    if (!pm) return message(404, "404 Not Found");
    const key = decodeURIComponent(pm[1]!);
    const proj = /^\d+$/.test(key) ? [...projects.values()].find((p) => p.id === Number(key)) : projects.get(key);
    if (!proj) return message(404, "404 Project Not Found");
    const rest = pm[2] ?? "";
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return send(400, { error: "The request body is not valid JSON" });
      }
    }
    if (method === "GET" && rest === "") {
      return send(200, {
        id: proj.id,
        name: proj.path.split("/").pop(),
        path_with_namespace: proj.path,
        web_url: `${origin}/${proj.path}`,
        archived: proj.archived,
        issues_enabled: proj.issuesEnabled,
        permissions: { project_access: { access_level: proj.accessLevel, notification_level: 3 }, group_access: null },
      });
    }
    const canWrite = () => {
      if (proj.accessLevel < 20) {
        message(403, "403 Forbidden");
        return false;
      }
      return true;
    };
    const apply = (i: FakeGitlabIssue): boolean => {
      if (body.title !== undefined) {
        if (typeof body.title !== "string" || !body.title.trim()) return (message(400, { title: ["can't be blank"] }), false);
        if (body.title.length > 255) return (message(400, { title: ["is too long (maximum is 255 characters)"] }), false);
        i.title = body.title;
      }
      if (body.description !== undefined) {
        if (typeof body.description === "string" && body.description.length > 1_048_576) return (message(400, { description: ["is too long (maximum is 1048576 characters)"] }), false);
        i.description = body.description === null ? null : String(body.description);
      }
      if (body.labels !== undefined) i.labels = String(body.labels).split(",").map((l) => l.trim()).filter(Boolean);
      if (body.assignee_ids !== undefined) {
        if (!Array.isArray(body.assignee_ids)) return (send(400, { error: "assignee_ids is invalid" }), false);
        // GitLab drops ids of users who are not project members instead of refusing them.
        i.assigneeIds = body.assignee_ids.map(Number).filter((id) => [...users.values()].includes(id));
      }
      if (body.state_event !== undefined) {
        if (body.state_event !== "close" && body.state_event !== "reopen") return (send(400, { error: "state_event does not have a valid value" }), false);
        const next = body.state_event === "close" ? "closed" : "opened";
        if (i.state !== next) {
          i.state = next;
          i.closed_at = next === "closed" ? iso(tick()) : null;
        }
      }
      return true;
    };

    if (rest === "/issues" && method === "POST") {
      if (!proj.issuesEnabled) return message(403, "403 Forbidden");
      if (!canWrite()) return;
      if (typeof body.title !== "string") return send(400, { error: "title is missing" });
      const t = iso(tick());
      const issue: FakeGitlabIssue = { id: nextId++, iid: proj.issues.length + 1, title: "", description: null, state: "opened", labels: [], assigneeIds: [], notes: [], created_at: t, updated_at: t, closed_at: null };
      if (!apply(issue)) return;
      proj.issues.push(issue);
      return send(201, issueJson(proj, issue));
    }
    if (rest === "/issues" && method === "GET") {
      const state = url.searchParams.get("state");
      const after = url.searchParams.get("updated_after");
      const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 20)));
      const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
      let list = proj.issues.filter((i) => !state || state === "all" || i.state === state);
      if (after) list = list.filter((i) => i.updated_at >= new Date(after).toISOString());
      const asc = url.searchParams.get("sort") === "asc";
      list = [...list].sort((a, b) => (asc ? a.updated_at.localeCompare(b.updated_at) : b.updated_at.localeCompare(a.updated_at)));
      const totalPages = Math.max(1, Math.ceil(list.length / perPage));
      const slice = list.slice((page - 1) * perPage, page * perPage);
      const link = (p: number, rel: string) => {
        const u = new URL(`${origin}${url.pathname}${url.search}`);
        u.searchParams.set("page", String(p));
        return `<${u.toString()}>; rel="${rel}"`;
      };
      const links = [link(1, "first"), link(totalPages, "last")];
      if (page < totalPages) links.unshift(link(page + 1, "next"));
      if (page > 1) links.unshift(link(page - 1, "prev"));
      return send(200, slice.map((i) => issueJson(proj, i)), {
        link: links.join(", "),
        "x-page": String(page),
        "x-per-page": String(perPage),
        "x-next-page": page < totalPages ? String(page + 1) : "",
        "x-prev-page": page > 1 ? String(page - 1) : "",
        "x-total": String(list.length),
        "x-total-pages": String(totalPages),
      });
    }
    const im = /^\/issues\/(\d+)(\/notes)?$/.exec(rest);
    if (im) {
      const issue = proj.issues.find((i) => i.iid === Number(im[1]));
      if (!issue) return message(404, "404 Issue Not Found");
      if (im[2] && method === "POST") {
        if (!canWrite()) return;
        if (typeof body.body !== "string" || !body.body.trim()) return message(400, { note: ["can't be blank"] });
        issue.notes.push(body.body);
        issue.updated_at = iso(tick());
        return send(201, { id: nextId++, type: null, body: body.body, author: { id: 1, username: "plumb-bot" }, created_at: issue.updated_at, updated_at: issue.updated_at, system: false, noteable_id: issue.id, noteable_type: "Issue", noteable_iid: issue.iid });
      }
      if (!im[2] && method === "GET") return send(200, issueJson(proj, issue));
      if (!im[2] && method === "PUT") {
        if (!canWrite()) return;
        const copy = { ...issue };
        if (!apply(copy)) return;
        Object.assign(issue, copy, { updated_at: iso(tick()) });
        return send(200, issueJson(proj, issue));
      }
    }
    return message(404, "404 Not Found");
  });

  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    origin,
    apiBaseUrl: `${origin}/api/v4`,
    host,
    projects,
    users,
    tokens,
    calls,
    headers,
    oauth,
    failNext: (f) => faults.push(f),
    addProject(path, o = {}) {
      const p: FakeGitlabProject = { id: nextId++, path, issues: [], accessLevel: o.accessLevel ?? 30, issuesEnabled: o.issuesEnabled ?? true, archived: o.archived ?? false };
      projects.set(path, p);
      return p;
    },
    addUser(username) {
      const id = users.get(username) ?? nextId++;
      users.set(username, id);
      return id;
    },
    addToken: (t, u) => tokens.set(t, u),
    revoke: (t) => tokens.delete(t),
    issue(path, iid) {
      const i = projects.get(path)?.issues.find((x) => x.iid === iid);
      return i ? { ...i, assignees: i.assigneeIds.map(usernameOf) } : undefined;
    },
    setState(path, iid, state) {
      const p = projects.get(path);
      const i = p?.issues.find((x) => x.iid === iid);
      if (!p || !i) throw new Error(`no issue ${path}#${iid}`);
      const at = iso(tick());
      i.state = state;
      i.closed_at = state === "closed" ? at : null;
      i.updated_at = at;
      return {
        object_kind: "issue",
        event_type: "issue",
        user: { id: 77, name: "Dev", username: "gl-dev" },
        project: { id: p.id, name: p.path.split("/").pop(), path_with_namespace: p.path, web_url: `${origin}/${p.path}` },
        object_attributes: { id: i.id, iid: i.iid, title: i.title, state: i.state, action: state === "closed" ? "close" : "reopen", url: `${origin}/${p.path}/-/issues/${i.iid}`, created_at: hookDate(i.created_at), updated_at: hookDate(i.updated_at), project_id: p.id },
        labels: i.labels.map((title, k) => ({ id: k + 1, title })),
        changes: { state_id: { previous: state === "closed" ? 1 : 2, current: state === "closed" ? 2 : 1 } },
      };
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** POSTs an Issue Hook the way GitLab does: the hook's secret token in X-Gitlab-Token, a UUID per event. */
export async function sendGitlabWebhook(url: string, token: string, payload: unknown, opts: { event?: string; uuid?: string } = {}): Promise<{ status: number; body: unknown }> {
  const uuid = opts.uuid ?? randomUUID();
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "GitLab/17.6.0", "x-gitlab-event": opts.event ?? "Issue Hook", "x-gitlab-token": token, "x-gitlab-event-uuid": uuid, "x-gitlab-webhook-uuid": randomUUID(), "idempotency-key": uuid },
    body: JSON.stringify(payload),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}
