// Sentry against the local Sentry (test/support/providers/sentry-server.ts) through the framework's guarded
// fetch: the token and its scopes, the linked project, CSP violation counts per directive (Discover table,
// cursor pagination) ranking the domain's CSP findings, notes on the matching Sentry issue (once per finding),
// Sentry's documented failures and its rate-limit headers, and the SSRF guard on a self-hosted URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { sentryConfigSchema, type SentryConfig } from "@/lib/integrations/providers/sentry/sentry-config";
import { addSentryIssueNote, findSentryCspIssue, sentryCspViolations, sentryProvider } from "@/lib/integrations/providers/sentry/sentry-provider";
import type { Finding, ScanResult } from "@/lib/scanner/types";
import { connectIntegration } from "@/lib/services/integrations/connect-integration";
import { noteFindingsInSentry } from "@/lib/services/integrations/sentry/note-findings-in-sentry";
import { readDomainCspReports } from "@/lib/services/integrations/sentry/read-domain-csp-reports";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { createTestDatabase } from "@/test/support/db";
import { testProviderContext } from "@/test/support/providers/provider-context";
import { startFakeSentry, type FakeSentry } from "@/test/support/providers/sentry-server";
import { seedTenant, type SeededTenant } from "@/test/services/seed";

const TOKEN = "sntrys_localtesttoken000000000000";
const READ_ONLY = "sntrys_readonlytoken000000000000";
const ORIGIN = "https://shop.example";
let sentry: FakeSentry;
let db: Database;
let t: SeededTenant;

function ctx(config: Partial<SentryConfig> = { project: "acme/web" }, token = TOKEN, base?: string): ProviderContext<SentryConfig> {
  return testProviderContext({ apiBaseUrl: base ?? sentry.apiBaseUrl, credential: { type: "token", token }, config: sentryConfigSchema.parse(config) });
}

async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

function finding(rule: string, title: string, over: Partial<Finding> = {}): Finding {
  return { pillar: "security", rule, severity: "medium", title, description: "d", url: `${ORIGIN}/`, urls: [`${ORIGIN}/`], evidence: "", selector: "", fix: "Fix @team <b>now</b>.", fingerprint: `${rule}:${title}`, ...over };
}

async function runScan(findings: Finding[]) {
  const now = new Date().toISOString();
  const result: ScanResult = { target: ORIGIN, started_at: now, finished_at: now, pages: [{ url: `${ORIGIN}/`, status: 200 }], scores: { security: 60 }, score: 60, grade: "C", security_grade: "C", findings, checks: [], timings: {} };
  const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["security"] }));
  await markScanRunning({ scanId: scan.id }, db.prisma);
  await db.prisma.scanPage.create({ data: { scanId: scan.id, url: `${ORIGIN}/`, outcome: "pending" } });
  await recordScanResults({ scanId: scan.id, result }, db.prisma);
  await settleScan({ scanId: scan.id }, db.prisma);
}

beforeAll(async () => {
  sentry = await startFakeSentry();
  sentry.tokens.set(TOKEN, { scopes: ["project:read", "event:read", "event:write", "org:read"], email: "owner@shop.example" });
  sentry.tokens.set(READ_ONLY, { scopes: ["project:read"], email: "ro@shop.example" });
  const p = sentry.addProject("acme", "web");
  // 130 directives' worth of rows: two pages of the events table.
  for (let i = 0; i < 128; i++) p.cspEvents.set(`x-directive-${String(i).padStart(3, "0")}`.replace(/\d/g, (d) => "abcdefghij"[Number(d)]!), 1);
  p.cspEvents.set("script-src-elem", 900);
  p.cspEvents.set("base-uri", 40);
  sentry.addCspIssue("acme", "web", "script-src-elem", 900);
  sentry.addCspIssue("acme", "web", "script-src-elem", 12);
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = sentry.host;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
  t = await seedTenant(db.prisma);
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  setDatabase(undefined);
  await db?.close();
  await sentry?.close();
});

describe("Sentry provider (local Sentry)", () => {
  it("tests the token, its scopes and the linked project", async () => {
    await expect(sentryProvider.testConnection(ctx())).resolves.toEqual({ account: "owner@shop.example", target: "acme/web" });
    expect(sentry.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect((await providerError(sentryProvider.testConnection(ctx({}, READ_ONLY)))).kind).toBe("forbidden");
    const e401 = await providerError(sentryProvider.testConnection(ctx({}, "sntrys_revokedtoken00000")));
    expect(e401.kind).toBe("unauthorized");
    expect((await providerError(sentryProvider.testConnection(ctx({ project: "acme/none" })))).kind).toBe("not_found");
    expect(() => sentryConfigSchema.parse({ project: "no-slash" })).toThrow();
  });

  it("reads CSP violation counts per directive across pages of the events table", async () => {
    const counts = await sentryCspViolations(ctx());
    expect(counts).toHaveLength(130);
    expect(counts.slice(0, 2)).toEqual([{ directive: "script-src-elem", count: 900 }, { directive: "base-uri", count: 40 }]);
    const calls = sentry.requests.filter((r) => r.path === "/api/0/organizations/acme/events/");
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[0]!.query.getAll("field")).toEqual(["effective-directive", "count()"]);
    expect(calls[0]!.query.get("query")).toBe("event.type:csp");
    expect(calls[1]!.query.get("cursor")).toBe("0:100:0");
  });

  it("finds the busiest unresolved CSP issue for a directive and notes on it", async () => {
    const issue = await findSentryCspIssue(ctx(), ["script-src", "script-src-elem"]);
    expect(issue).toMatchObject({ shortId: "WEB-1", count: 900, url: `${sentry.origin}/organizations/acme/issues/${issue!.id}/` });
    expect(await findSentryCspIssue(ctx(), ["object-src"])).toBeNull();
    await addSentryIssueNote(ctx(), issue!.id, "hello");
    expect(sentry.projects.get("acme/web")!.issues[0]!.notes).toEqual(["hello"]);
    const e400 = await providerError(addSentryIssueNote(ctx(), issue!.id, " "));
    expect(e400.kind).toBe("validation");
    expect(e400.message).toMatch(/This field is required/);
    expect((await providerError(addSentryIssueNote(ctx(), "999999", "x"))).kind).toBe("not_found");
  });

  it("maps Sentry's failures: 403 scope, 429 with X-Sentry-Rate-Limit-Reset, 5xx, a body that is not the documented shape", async () => {
    sentry.tokens.set("sntrys_noeventwrite0000000", { scopes: ["project:read", "event:read"], email: "x@y.z" });
    const issueId = sentry.projects.get("acme/web")!.issues[0]!.id;
    expect((await providerError(addSentryIssueNote(ctx({ project: "acme/web" }, "sntrys_noeventwrite0000000"), issueId, "x"))).kind).toBe("forbidden");

    const c = ctx();
    sentry.fail({ pathIncludes: "/events/", reply: { status: 429, body: { detail: "You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds" }, headers: { "x-sentry-rate-limit-remaining": "0", "x-sentry-rate-limit-reset": String(Math.floor(Date.now() / 1000) + 1) } } });
    await expect(sentryCspViolations(c)).resolves.toHaveLength(130);
    expect(c.stats.rateLimitWaits).toBeGreaterThanOrEqual(1);

    sentry.fail({ pathIncludes: "/events/", reply: { status: 503, body: "upstream unavailable" } });
    const e5 = await providerError(sentryCspViolations(ctx()));
    expect(e5).toMatchObject({ kind: "server" });
    expect(e5.retryable).toBe(true);

    sentry.fail({ pathIncludes: "/projects/acme/web/", reply: { status: 200, body: { id: "not-a-number", slug: 1 } } });
    expect((await providerError(sentryCspViolations(ctx()))).kind).toBe("invalid_response");
  });

  it("refuses a self-hosted Sentry on a private address that is not allowlisted", async () => {
    const other = await startFakeSentry();
    try {
      const e = await providerError(sentryProvider.testConnection(ctx({}, TOKEN, other.apiBaseUrl)));
      expect(e.kind).toBe("network");
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});

describe("Sentry for a domain's CSP findings (services, real database)", () => {
  it("says Sentry is not connected, then ranks the domain's CSP findings by the violations that concern them", async () => {
    expect(await readDomainCspReports({ orgId: t.orgId, domainId: t.domainId })).toEqual({ state: "not_connected" });
    await connectIntegration(t.actor, { provider: "sentry", credential: { type: "token", token: TOKEN }, baseUrl: sentry.apiBaseUrl, config: { project: "acme/web" } });
    await runScan([
      finding("csp-missing-directive", "CSP does not restrict plugins (object-src)", { severity: "low" }),
      finding("csp-unsafe-inline", "CSP allows inline scripts ('unsafe-inline')"),
      finding("csp-missing-directive", "CSP does not restrict <base> (base-uri)", { severity: "low" }),
      finding("hsts-missing", "No HSTS", { severity: "high" }),
    ]);
    const r = await readDomainCspReports({ orgId: t.orgId, domainId: t.domainId });
    if (r.state !== "ok") throw new Error(`unexpected ${JSON.stringify(r)}`);
    expect(r.total).toBe(900 + 40 + 128);
    expect(r.findings.map((f) => [f.rule, f.violations])).toEqual([
      ["csp-unsafe-inline", 900],
      ["csp-missing-directive", 40],
      ["csp-missing-directive", 0],
    ]);
    expect(r.findings[1]!.title).toMatch(/base-uri/);
    const other = await seedTenant(db.prisma);
    await expect(readDomainCspReports({ orgId: other.orgId, domainId: t.domainId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("notes CSP findings on the matching Sentry issue once, and reports the others as unmatched", async () => {
    const ids = (await db.prisma.finding.findMany({ where: { domainId: t.domainId }, select: { id: true } })).map((f) => f.id);
    const issue = sentry.projects.get("acme/web")!.issues[0]!;
    const before = issue.notes.length;
    expect(await noteFindingsInSentry(t.actor, { findingIds: ids })).toEqual({ noted: 1, alreadyNoted: 0, unmatched: 3 });
    expect(issue.notes).toHaveLength(before + 1);
    const note = issue.notes.at(-1)!;
    expect(note).toMatch(/^Plumb \(medium\): CSP allows inline scripts/);
    expect(note).toMatch(/\/findings\?finding=/);
    expect(note).not.toMatch(/@team/);
    expect(note).not.toContain("<b>");
    expect(await noteFindingsInSentry(t.actor, { findingIds: ids })).toEqual({ noted: 0, alreadyNoted: 1, unmatched: 3 });
    expect(issue.notes).toHaveLength(before + 1);
    const r = await readDomainCspReports({ orgId: t.orgId, domainId: t.domainId });
    expect(r.state === "ok" && r.findings[0]!.sentryUrl).toBe(`${sentry.origin}/organizations/acme/issues/${issue.id}/`);
    const other = await seedTenant(db.prisma);
    await expect(noteFindingsInSentry(other.actor, { findingIds: ids })).rejects.toMatchObject({ code: expect.stringMatching(/conflict|not_found/) });
  });
});
