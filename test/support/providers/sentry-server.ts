// A local Sentry (the web API under /api/0, as sentry.io and self-hosted Sentry serve it) implementing what
// Plumb calls: GET /api/0/ (token and scopes), GET /projects/{org}/{project}/, the organization events table
// (Discover: field=effective-directive&field=count(), query=event.type:csp, project, statsPeriod, sort, cursor
// pagination with Sentry's Link header), project issues with tag search, and issue comments (notes). Auth is
// `Authorization: Bearer <token>`; scopes are enforced per endpoint; errors use Sentry's `{ "detail": … }` bodies;
// 429s carry X-Sentry-Rate-Limit-* headers. Faults are injected with `fail` (test/support/providers/provider-http.ts).
import { authOf, json, parseJson, startProviderHttpServer, type ProviderHttpServer, type ProviderReply, type RecordedRequest } from "./provider-http";

export interface FakeSentryIssue {
  id: string;
  shortId: string;
  title: string;
  directive: string;
  status: "unresolved" | "resolved";
  count: number;
  notes: string[];
}

export interface FakeSentry extends ProviderHttpServer {
  apiBaseUrl: string;
  tokens: Map<string, { scopes: string[]; email: string }>;
  /** org slug → project slug → project */
  projects: Map<string, { id: string; org: string; slug: string; cspEvents: Map<string, number>; issues: FakeSentryIssue[] }>;
  addProject(org: string, slug: string): { id: string; cspEvents: Map<string, number>; issues: FakeSentryIssue[] };
  addCspIssue(org: string, slug: string, directive: string, count: number): FakeSentryIssue;
}

export async function startFakeSentry(opts: { port?: number } = {}): Promise<FakeSentry> {
  const tokens: FakeSentry["tokens"] = new Map();
  const projects: FakeSentry["projects"] = new Map();
  let nextId = 4500000;
  let origin = "";
  const detail = (status: number, d: string, headers?: Record<string, string>) => json(status, { detail: d }, headers);

  const handler = (req: RecordedRequest): ProviderReply => {
    if (!req.path.startsWith("/api/0/")) return detail(404, "The requested resource does not exist");
    const path = req.path.slice("/api/0".length);
    const bearer = authOf(req).bearer;
    const tok = bearer ? tokens.get(bearer) : undefined;
    if (path === "/" && req.method === "GET") {
      if (bearer && !tok) return detail(401, "Invalid token");
      return json(200, { version: "0", auth: tok ? { scopes: tok.scopes } : null, user: tok ? { id: "1", username: tok.email, email: tok.email, name: "Owner" } : null });
    }
    if (!tok) return detail(401, bearer ? "Invalid token" : "Authentication credentials were not provided.");
    const need = (scope: string) => tok.scopes.includes(scope) || tok.scopes.includes(scope.replace(/:(read|write)$/, ":admin"));
    const forbidden = () => detail(403, "You do not have permission to perform this action.");

    let m = /^\/projects\/([^/]+)\/([^/]+)\/(issues\/)?$/.exec(path);
    if (m && req.method === "GET") {
      const p = projects.get(`${m[1]}/${m[2]}`);
      if (!need("project:read") && !need("event:read")) return forbidden();
      if (!p) return detail(404, "The requested resource does not exist");
      if (!m[3]) return json(200, { id: p.id, slug: p.slug, name: p.slug, platform: "javascript", organization: { id: "1", slug: p.org, name: p.org } });
      if (!need("event:read")) return forbidden();
      const q = req.query.get("query") ?? "is:unresolved";
      const dirs = /effective-directive:\[([^\]]*)\]/.exec(q)?.[1]?.split(",") ?? (/effective-directive:(\S+)/.exec(q)?.[1] ? [/effective-directive:(\S+)/.exec(q)![1]!] : null);
      const list = p.issues
        .filter((i) => !q.includes("is:unresolved") || i.status === "unresolved")
        .filter((i) => !dirs || dirs.includes(i.directive))
        .sort((a, b) => b.count - a.count)
        .slice(0, Number(req.query.get("limit") ?? 25));
      return json(
        200,
        list.map((i) => ({
          id: i.id,
          shortId: i.shortId,
          title: i.title,
          culprit: "",
          permalink: `${origin}/organizations/${p.org}/issues/${i.id}/`,
          status: i.status,
          count: String(i.count),
          userCount: 0,
          type: "csp",
          issueCategory: "error",
          metadata: { directive: i.directive, uri: "inline", message: `Blocked 'script' from 'inline:'` },
          project: { id: p.id, slug: p.slug },
        })),
        { link: `<${origin}${req.path}?cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", <${origin}${req.path}?cursor=0:25:0>; rel="next"; results="false"; cursor="0:25:0"` },
      );
    }

    m = /^\/organizations\/([^/]+)\/events\/$/.exec(path);
    if (m && req.method === "GET") {
      if (!need("event:read")) return forbidden();
      const fields = req.query.getAll("field");
      const projectId = req.query.get("project");
      const p = [...projects.values()].find((x) => x.id === projectId && x.org === m![1]);
      if (!p) return detail(400, "You do not have access to one or more of the requested projects.");
      if (!/^\d+[dhm]$/.test(req.query.get("statsPeriod") ?? "")) return detail(400, "Invalid date range. Please try a more recent date range.");
      if (fields.join("|") !== "effective-directive|count()" || req.query.get("query") !== "event.type:csp") return detail(400, "Invalid query. Plumb's local Sentry serves the CSP directive table only.");
      const rows = [...p.cspEvents].map(([d, n]) => ({ "effective-directive": d, "count()": n })).sort((a, b) => b["count()"] - a["count()"]);
      const perPage = Math.min(100, Number(req.query.get("per_page") ?? 50));
      const offset = Number((req.query.get("cursor") ?? "0:0:0").split(":")[1] ?? 0);
      const page = rows.slice(offset, offset + perPage);
      const more = offset + perPage < rows.length;
      const next = `0:${offset + perPage}:0`;
      return json(200, { data: page, meta: { fields: { "effective-directive": "string", "count()": "integer" }, units: {}, isMetricsData: false, tips: {} } }, {
        link: `<${origin}${req.path}?cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", <${origin}${req.path}?cursor=${next}>; rel="next"; results="${more}"; cursor="${next}"`,
        "x-sentry-rate-limit-remaining": "39",
        "x-sentry-rate-limit-limit": "40",
        "x-sentry-rate-limit-reset": String(Math.floor(Date.now() / 1000) + 1),
      });
    }

    m = /^\/organizations\/([^/]+)\/issues\/(\d+)\/comments\/$/.exec(path);
    if (m && req.method === "POST") {
      const issue = [...projects.values()].filter((p) => p.org === m![1]).flatMap((p) => p.issues).find((i) => i.id === m![2]);
      if (!issue) return detail(404, "The requested resource does not exist");
      if (!need("event:write")) return forbidden();
      const body = parseJson(req.body) as { text?: unknown } | undefined;
      if (typeof body?.text !== "string" || !body.text.trim()) return json(400, { text: ["This field is required."] });
      issue.notes.push(body.text);
      return json(201, { id: String(nextId++), type: "note", data: { text: body.text }, user: { id: "1", email: tok.email }, dateCreated: new Date().toISOString() });
    }
    return detail(404, "The requested resource does not exist");
  };

  const server = await startProviderHttpServer(handler, opts);
  origin = server.origin;
  return {
    ...server,
    apiBaseUrl: `${server.origin}/api/0`,
    tokens,
    projects,
    addProject(org, slug) {
      const p = { id: String(nextId++), org, slug, cspEvents: new Map<string, number>(), issues: [] as FakeSentryIssue[] };
      projects.set(`${org}/${slug}`, p);
      return p;
    },
    addCspIssue(org, slug, directive, count) {
      const p = projects.get(`${org}/${slug}`)!;
      const issue: FakeSentryIssue = { id: String(nextId++), shortId: `${slug.toUpperCase()}-${p.issues.length + 1}`, title: `Blocked 'script' from 'inline:' (${directive})`, directive, status: "unresolved", count, notes: [] };
      p.issues.push(issue);
      return issue;
    },
  };
}
