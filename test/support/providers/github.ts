// A local GitHub (REST v3, as GitHub Enterprise Server serves it under /api/v3) implementing exactly what
// Plumb calls: GET /user, GET /repos/{owner}/{repo}, issues (create, get, update, list with `since`, state and
// Link-header pagination), issue comments, and the OAuth web flow (/login/oauth/authorize, /access_token with
// PKCE). Auth is `Authorization: token …` or `Bearer …` like GitHub; errors use GitHub's documented bodies
// ({ message, documentation_url, status }, 422 with `errors`). Faults (401/403/404/422/429/5xx) are injected
// per request with `failNext`. Tests point the real @octokit/rest at `apiBaseUrl`.
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeGithubIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  comments: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  pull_request?: { url: string };
}

export interface InjectedFault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Only requests whose "METHOD /path" matches (default: any). */
  match?: RegExp;
}

export interface FakeGithub {
  origin: string;
  /** What a GitHub Enterprise base URL looks like: origin + /api/v3. */
  apiBaseUrl: string;
  host: string;
  repos: Map<string, { id: number; issues: FakeGithubIssue[]; collaborators: Set<string>; hasIssues: boolean; archived: boolean; push: boolean }>;
  tokens: Map<string, string>;
  /** "METHOD /path?query" of every request, in order. */
  calls: string[];
  failNext(fault: InjectedFault): void;
  addRepo(full: string, opts?: { collaborators?: string[]; push?: boolean; hasIssues?: boolean }): void;
  addToken(token: string, login: string): void;
  revoke(token: string): void;
  issue(full: string, n: number): FakeGithubIssue | undefined;
  /** A person closing (or reopening) the issue on GitHub; returns the `issues` webhook payload. */
  setState(full: string, n: number, state: "open" | "closed"): { action: string; issue: unknown; repository: unknown };
  oauth: { clientId: string; clientSecret: string; codes: Map<string, { login: string; redirectUri: string; challenge: string | null }> };
  close(): Promise<void>;
}

const DOCS = "https://docs.github.com/rest";

function issueJson(origin: string, full: string, i: FakeGithubIssue) {
  return {
    id: i.id,
    node_id: `I_${i.id}`,
    url: `${origin}/api/v3/repos/${full}/issues/${i.number}`,
    html_url: `${origin}/${full}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.state_reason,
    title: i.title,
    body: i.body,
    user: { login: "plumb-bot", id: 1 },
    labels: i.labels.map((name, k) => ({ id: k + 1, name, color: "ededed", default: false })),
    assignee: i.assignees[0] ? { login: i.assignees[0], id: 100 } : null,
    assignees: i.assignees.map((login, k) => ({ login, id: 100 + k })),
    comments: i.comments.length,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    ...(i.pull_request ? { pull_request: i.pull_request } : {}),
  };
}

export async function startFakeGithub(opts: { host?: string; /** fixed port (e2e allowlist); default any free one */ port?: number; /** every Nth write answers GitHub's secondary-limit 429 with Retry-After: 1 */ secondaryLimitEvery?: number } = {}): Promise<FakeGithub> {
  let writes = 0;
  const repos: FakeGithub["repos"] = new Map();
  const tokens = new Map<string, string>();
  const calls: string[] = [];
  const faults: InjectedFault[] = [];
  const oauth: FakeGithub["oauth"] = { clientId: "Iv1.local", clientSecret: randomBytes(20).toString("hex"), codes: new Map() };
  let nextId = 1000;
  let clock = Date.now();
  // Strictly increasing timestamps (second precision like GitHub) so updated_at orders changes.
  const now = () => {
    clock = Math.max(clock + 1000, Date.now());
    return new Date(Math.floor(clock / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const method = req.method ?? "GET";
    calls.push(`${method} ${url.pathname}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = body === undefined ? "" : JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "x-github-media-type": "github.v3", "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4999", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600), ...headers });
      res.end(text);
    };
    const error = (status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      send(status, { message, documentation_url: DOCS, status: String(status), ...extra }, headers);

    const faultIdx = faults.findIndex((f) => !f.match || f.match.test(`${method} ${url.pathname}`));
    if (faultIdx >= 0 && !url.pathname.startsWith("/login/")) {
      const f = faults.splice(faultIdx, 1)[0]!;
      return send(f.status, f.body ?? { message: http.STATUS_CODES[f.status] ?? "Error", documentation_url: DOCS, status: String(f.status) }, f.headers);
    }

    if (opts.secondaryLimitEvery && (method === "POST" || method === "PATCH") && url.pathname.startsWith("/api/v3/") && ++writes % opts.secondaryLimitEvery === 0) {
      return error(429, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", {}, { "retry-after": "1" });
    }

    // ----- OAuth web flow -----
    if (method === "GET" && url.pathname === "/login/oauth/authorize") {
      // Auto-approves as "octo-owner": the browser step a person would click through.
      const clientId = url.searchParams.get("client_id");
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      const state = url.searchParams.get("state") ?? "";
      if (clientId !== oauth.clientId) return send(404, { error: "not_found" });
      const code = randomBytes(10).toString("hex");
      const method = url.searchParams.get("code_challenge_method");
      const challenge = url.searchParams.get("code_challenge");
      if (challenge && method !== "S256") return send(400, { error: "invalid_request" });
      oauth.codes.set(code, { login: "octo-owner", redirectUri, challenge });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", state);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (method === "POST" && url.pathname === "/login/oauth/access_token") {
      const type = req.headers["content-type"] ?? "";
      const p: Record<string, string> = type.includes("json") ? (JSON.parse(raw || "{}") as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw));
      // GitHub answers 200 with an error object for a bad code (documented), JSON when asked with Accept.
      const entry = oauth.codes.get(p.code ?? "");
      if (p.client_id !== oauth.clientId || p.client_secret !== oauth.clientSecret) return send(200, { error: "incorrect_client_credentials", error_description: "The client_id and/or client_secret passed are incorrect." });
      if (!entry || (p.redirect_uri && p.redirect_uri !== entry.redirectUri)) return send(200, { error: "bad_verification_code", error_description: "The code passed is incorrect or expired." });
      if (entry.challenge) {
        const computed = createHash("sha256").update(p.code_verifier ?? "").digest("base64url");
        if (computed !== entry.challenge) return send(200, { error: "bad_verification_code", error_description: "The code_verifier does not match the code_challenge." });
      }
      oauth.codes.delete(p.code!);
      const token = `gho_${randomBytes(18).toString("hex")}`;
      tokens.set(token, entry.login);
      return send(200, { access_token: token, token_type: "bearer", scope: "repo" });
    }

    // ----- REST v3 -----
    if (!url.pathname.startsWith("/api/v3/")) return error(404, "Not Found");
    const path = url.pathname.slice("/api/v3".length);
    const auth = req.headers.authorization ?? "";
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(auth);
    const login = m ? tokens.get(m[1]!) : undefined;
    if (!login) return error(401, "Bad credentials");

    if (method === "GET" && path === "/user") return send(200, { login, id: 42, type: "User" }, { "x-oauth-scopes": "repo" });

    const rm = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (!rm) return error(404, "Not Found");
    const full = `${rm[1]}/${rm[2]}`;
    const repo = repos.get(full);
    if (!repo) return error(404, "Not Found");
    const rest = rm[3] ?? "";
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return error(400, "Problems parsing JSON");
      }
    }

    if (method === "GET" && rest === "") {
      return send(200, { id: repo.id, name: rm[2], full_name: full, private: true, has_issues: repo.hasIssues, archived: repo.archived, permissions: { admin: false, push: repo.push, triage: repo.push, pull: true } });
    }

    const invalid = (field: string, code = "invalid", value?: unknown) =>
      error(422, "Validation Failed", { errors: [{ resource: "Issue", code, field, ...(value !== undefined ? { value } : {}) }] });
    const checkWrite = (): boolean => {
      if (!repo.push) {
        error(403, "Resource not accessible by personal access token");
        return false;
      }
      return true;
    };
    const applyFields = (i: FakeGithubIssue): boolean => {
      if (body.title !== undefined) {
        if (typeof body.title !== "string" || body.title.trim() === "") return (invalid("title", "missing_field"), false);
        i.title = body.title;
      }
      if (body.body !== undefined) i.body = body.body === null ? null : String(body.body);
      if (body.labels !== undefined) {
        if (!Array.isArray(body.labels)) return (invalid("labels"), false);
        i.labels = body.labels.map(String);
      }
      if (body.assignees !== undefined) {
        if (!Array.isArray(body.assignees)) return (invalid("assignees"), false);
        const bad = body.assignees.map(String).filter((a) => !repo.collaborators.has(a));
        if (bad.length) return (invalid("assignees", "invalid", bad[0]), false);
        i.assignees = body.assignees.map(String);
      }
      if (body.state !== undefined) {
        if (body.state !== "open" && body.state !== "closed") return (invalid("state"), false);
        if (i.state !== body.state) {
          i.state = body.state;
          i.closed_at = body.state === "closed" ? now() : null;
          i.state_reason = body.state === "closed" ? (typeof body.state_reason === "string" ? body.state_reason : "completed") : "reopened";
        }
      }
      return true;
    };

    if (rest === "/issues" && method === "POST") {
      if (!repo.hasIssues) return error(410, "Issues are disabled for this repo");
      if (!checkWrite()) return;
      if (typeof body.title !== "string" || body.title.trim() === "") return invalid("title", "missing_field");
      const t = now();
      const issue: FakeGithubIssue = { id: nextId++, number: repo.issues.length + 1, title: "", body: null, state: "open", state_reason: null, labels: [], assignees: [], comments: [], created_at: t, updated_at: t, closed_at: null };
      if (!applyFields(issue)) return;
      repo.issues.push(issue);
      return send(201, issueJson(`http://${req.headers.host}`, full, issue), { location: `http://${req.headers.host}/api/v3/repos/${full}/issues/${issue.number}` });
    }
    if (rest === "/issues" && method === "GET") {
      const state = url.searchParams.get("state") ?? "open";
      const since = url.searchParams.get("since");
      const perPage = Math.min(100, Number(url.searchParams.get("per_page") ?? 30));
      const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
      let list = repo.issues.filter((i) => state === "all" || i.state === state);
      if (since) list = list.filter((i) => i.updated_at >= since);
      list = [...list].sort((a, b) => (url.searchParams.get("direction") === "asc" ? a.updated_at.localeCompare(b.updated_at) : b.updated_at.localeCompare(a.updated_at)));
      const pages = Math.max(1, Math.ceil(list.length / perPage));
      const slice = list.slice((page - 1) * perPage, page * perPage);
      const link = (p: number, rel: string) => {
        const u = new URL(`http://${req.headers.host}${url.pathname}${url.search}`);
        u.searchParams.set("page", String(p));
        return `<${u.toString()}>; rel="${rel}"`;
      };
      const links = [] as string[];
      if (page < pages) links.push(link(page + 1, "next"), link(pages, "last"));
      if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
      return send(200, slice.map((i) => issueJson(`http://${req.headers.host}`, full, i)), links.length ? { link: links.join(", ") } : {});
    }
    const im = /^\/issues\/(\d+)(\/comments)?$/.exec(rest);
    if (im) {
      const issue = repo.issues.find((i) => i.number === Number(im[1]));
      if (!issue) return error(404, "Not Found");
      if (im[2] && method === "POST") {
        if (!checkWrite()) return;
        if (typeof body.body !== "string" || !body.body) return error(422, "Validation Failed", { errors: [{ resource: "IssueComment", code: "missing_field", field: "body" }] });
        issue.comments.push(body.body);
        issue.updated_at = now();
        return send(201, { id: nextId++, body: body.body, html_url: `http://${req.headers.host}/${full}/issues/${issue.number}#issuecomment-${nextId}`, created_at: issue.updated_at, updated_at: issue.updated_at });
      }
      if (!im[2] && method === "GET") return send(200, issueJson(`http://${req.headers.host}`, full, issue));
      if (!im[2] && method === "PATCH") {
        if (!checkWrite()) return;
        const copy = { ...issue };
        if (!applyFields(copy)) return;
        Object.assign(issue, copy, { updated_at: now() });
        return send(200, issueJson(`http://${req.headers.host}`, full, issue));
      }
    }
    return error(404, "Not Found");
  });

  // Idle keep-alive sockets stay open longer than a client reuses them: no close/reuse race (ECONNRESET) on a busy machine.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const host = `${opts.host ?? "127.0.0.1"}:${port}`;
  const origin = `http://${host}`;
  return {
    origin,
    apiBaseUrl: `${origin}/api/v3`,
    host,
    repos,
    tokens,
    calls,
    oauth,
    failNext: (f) => faults.push(f),
    addRepo: (full, o = {}) => repos.set(full, { id: nextId++, issues: [], collaborators: new Set(o.collaborators ?? []), hasIssues: o.hasIssues ?? true, archived: false, push: o.push ?? true }),
    addToken: (t, login) => tokens.set(t, login),
    revoke: (t) => tokens.delete(t),
    issue: (full, n) => repos.get(full)?.issues.find((i) => i.number === n),
    setState(full, n, state) {
      const issue = repos.get(full)?.issues.find((i) => i.number === n);
      if (!issue) throw new Error(`no issue ${full}#${n}`);
      issue.state = state;
      issue.closed_at = state === "closed" ? now() : null;
      issue.state_reason = state === "closed" ? "completed" : "reopened";
      issue.updated_at = now();
      return { action: state === "closed" ? "closed" : "reopened", issue: issueJson(origin, full, issue), repository: { id: repos.get(full)!.id, full_name: full } };
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** Signs and POSTs a webhook the way GitHub does (X-Hub-Signature-256 over the exact body). */
export async function sendGithubWebhook(url: string, secret: string, payload: unknown, opts: { event?: string; deliveryId?: string; signature?: string } = {}): Promise<{ status: number; body: unknown; deliveryId: string }> {
  const body = JSON.stringify(payload);
  const deliveryId = opts.deliveryId ?? randomUUID();
  const signature = opts.signature ?? `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "GitHub-Hookshot/local", "x-github-event": opts.event ?? "issues", "x-github-delivery": deliveryId, "x-hub-signature-256": signature },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, deliveryId };
}
