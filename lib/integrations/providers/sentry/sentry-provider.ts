// Sentry as a security data provider: the project that receives the sites' CSP reports is linked to the
// organization; Plumb reads its CSP violation counts per directive (last 28 days) to rank CSP findings, and
// notes a security finding on the Sentry issue of the matching CSP violation. No issue sync: Sentry issues
// are made by events, not by API calls, so Plumb comments on the ones Sentry already has.
import { z } from "zod";
import { ProviderError, tokenCredentialSchema, type DataProvider, type ProviderContext } from "@/lib/integrations/provider";
import { SENTRY_API, sentryConfigSchema, type SentryConfig } from "./sentry-config";
import { sentryRequest, type SentryPage } from "./sentry-client";
import { sentryEventsTableSchema, sentryIndexSchema, sentryIssueSchema, sentryNoteSchema, sentryProjectSchema, type SentryIssue } from "./sentry-schemas";

const MAX_PAGES = 10;

function target(ctx: ProviderContext<SentryConfig>): { org: string; project: string } {
  const p = ctx.config.project;
  if (!p) throw new ProviderError("validation", "Choose the Sentry project that receives your CSP reports (Settings → Integrations → Sentry).");
  const [org, project] = p.split("/");
  return { org: org!, project: project! };
}

const seg = encodeURIComponent;

async function projectOf(ctx: ProviderContext<SentryConfig>) {
  const { org, project } = target(ctx);
  return (await sentryRequest(ctx, sentryProjectSchema, `/projects/${seg(org)}/${seg(project)}/`)).data;
}

export interface CspViolationCount {
  directive: string;
  count: number;
}

/** CSP reports per effective directive over `statsPeriod` (Sentry's Discover events table), highest first. */
export async function sentryCspViolations(ctx: ProviderContext<SentryConfig>, statsPeriod = "28d"): Promise<CspViolationCount[]> {
  const { org } = target(ctx);
  const project = await projectOf(ctx);
  const totals = new Map<string, number>();
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res: SentryPage<z.infer<typeof sentryEventsTableSchema>> = await sentryRequest(ctx, sentryEventsTableSchema, `/organizations/${seg(org)}/events/`, {
      query: {
        field: ["effective-directive", "count()"],
        query: "event.type:csp",
        project: project.id,
        statsPeriod,
        sort: "-count()",
        per_page: "100",
        ...(cursor ? { cursor } : {}),
      },
    });
    for (const row of res.data.data) {
      const d = row["effective-directive"];
      const n = Number(row["count()"]);
      if (typeof d !== "string" || !/^[a-z-]{1,40}$/.test(d) || !Number.isFinite(n) || n < 0) continue;
      totals.set(d, (totals.get(d) ?? 0) + Math.min(Math.round(n), 1e12));
    }
    cursor = res.nextCursor;
    if (!cursor) break;
  }
  return [...totals].map(([directive, count]) => ({ directive, count })).sort((a, b) => b.count - a.count || a.directive.localeCompare(b.directive));
}

export interface SentryIssueRef {
  id: string;
  shortId: string;
  title: string;
  url: string;
  count: number;
}

function ref(i: SentryIssue): SentryIssueRef {
  const n = Number(i.count);
  return { id: i.id, shortId: i.shortId, title: i.title, url: i.permalink, count: Number.isFinite(n) ? n : 0 };
}

/** The unresolved CSP issue with the most events for one of `directives` in the linked project, if any. */
export async function findSentryCspIssue(ctx: ProviderContext<SentryConfig>, directives: string[] | "all"): Promise<SentryIssueRef | null> {
  const { org, project } = target(ctx);
  const query = directives === "all" ? "is:unresolved" : `is:unresolved effective-directive:[${directives.join(",")}]`;
  const res = await sentryRequest(ctx, z.array(z.unknown()).max(100), `/projects/${seg(org)}/${seg(project)}/issues/`, { query: { query, statsPeriod: "14d", limit: "25" } });
  const issues = res.data.flatMap((raw) => {
    const p = sentryIssueSchema.safeParse(raw);
    return p.success ? [p.data] : [];
  });
  // Issue search matches tags, but older CSP issues carry the directive only in their metadata: check both.
  const csp = issues.filter((i) => (i.type ?? "csp") === "csp" && (directives === "all" || !i.metadata?.directive || directives.includes(i.metadata.directive)));
  const best = csp.map(ref).sort((a, b) => b.count - a.count)[0];
  return best ?? null;
}

/** Adds a note (comment) to a Sentry issue; returns the note's id. */
export async function addSentryIssueNote(ctx: ProviderContext<SentryConfig>, issueId: string, text: string): Promise<string> {
  const { org } = target(ctx);
  if (!/^\d{1,20}$/.test(issueId)) throw new ProviderError("validation", `Not a Sentry issue id: ${issueId.slice(0, 40)}`);
  const res = await sentryRequest(ctx, sentryNoteSchema, `/organizations/${seg(org)}/issues/${issueId}/comments/`, { method: "POST", body: { text: text.slice(0, 8000) } });
  return res.data.id;
}

export const sentryProvider: DataProvider<SentryConfig> = {
  id: "sentry",
  displayName: "Sentry",
  kind: "security",
  defaultApiBaseUrl: SENTRY_API,
  tokenCredential: tokenCredentialSchema,
  requiredScopes: ["project:read", "event:read (CSP report counts and issues)", "event:write (notes on issues)"],
  configSchema: sentryConfigSchema,

  async testConnection(ctx) {
    const me = (await sentryRequest(ctx, sentryIndexSchema, "/")).data;
    // The index answers 200 with auth: null for a token it does not know.
    if (!me.auth) throw new ProviderError("unauthorized", "Sentry refused the credentials: the token was revoked or has expired. Reconnect with a new token.");
    const account = me.user?.email ?? me.user?.username ?? `token with ${me.auth.scopes.length} scope(s)`;
    const missing = ["event:read"].filter((s) => !me.auth!.scopes.includes(s) && !me.auth!.scopes.includes(s.replace(":read", ":admin")));
    if (missing.length) throw new ProviderError("forbidden", `The Sentry token lacks the ${missing.join(", ")} scope Plumb needs to read CSP reports.`);
    if (!ctx.config.project) return { account };
    const project = await projectOf(ctx);
    return { account, target: `${target(ctx).org}/${project.slug}` };
  },
};
