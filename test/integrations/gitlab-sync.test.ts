// The two-way GitLab sync at the service level, on the real database and the local GitLab with the real
// gitbeaker: connect (token and OAuth with state + PKCE), send findings (idempotent, per finding and per task),
// close upstream → Issue Hook with X-Gitlab-Token → claimed_upstream (wrong token, replay, out-of-order), the
// next scan reopens without a regression and the issue is reopened once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { openCredential, openWebhookSecret, sealCredential } from "@/lib/integrations/credentials";
import type { Finding } from "@/lib/scanner/types";
import { completeIntegrationOAuth } from "@/lib/services/integrations/complete-integration-oauth";
import { connectIntegration } from "@/lib/services/integrations/connect-integration";
import { finishIntegrationSync } from "@/lib/services/integrations/finish-integration-sync";
import { pollIntegration } from "@/lib/services/integrations/poll-integration";
import { receiveIntegrationWebhook } from "@/lib/services/integrations/receive-integration-webhook";
import { requestIntegrationSync } from "@/lib/services/integrations/request-integration-sync";
import { startIntegrationOAuth } from "@/lib/services/integrations/start-integration-oauth";
import { syncIntegrationBatch, type SyncBatchResult } from "@/lib/services/integrations/sync-integration-batch";
import { testIntegration } from "@/lib/services/integrations/test-integration";
import { createTestDatabase } from "@/test/support/db";
import { startFakeGitlab, type FakeGitlab } from "@/test/support/providers/gitlab-server";
import { seedTenant, type SeededTenant } from "@/test/services/seed";
import { runSyncScan, syncFinding } from "@/test/support/tracker-sync-scan";

const TOKEN = "glpat-synctesttoken000000000";
const PROJECT = "acme/site";

const HOSTILE = { evidence: "<img src=x onerror=alert(1)> @all", selector: "img" };
const finding = (fingerprint: string, over: Partial<Finding> = {}): Finding => syncFinding(fingerprint, HOSTILE, over);

let db: Database;
let t: SeededTenant;
let gl: FakeGitlab;
let integrationId: string;
let secret: string;

const runScan = (findings: Finding[]) => runSyncScan(db.prisma, t, findings);

async function sync(): Promise<SyncBatchResult> {
  const total: SyncBatchResult = { nextCursor: null, created: 0, updated: 0, closed: 0, reopened: 0, unchanged: 0, failed: 0, calls: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 };
  let cursor: string | null = null;
  do {
    const r = await syncIntegrationBatch({ integrationId, organizationId: t.orgId, cursor });
    for (const k of ["created", "updated", "closed", "reopened", "unchanged", "failed", "calls"] as const) total[k] += r[k];
    cursor = r.nextCursor;
  } while (cursor);
  await finishIntegrationSync({ integrationId, failed: total.failed });
  return total;
}

const byFp = (fp: string) => db.prisma.finding.findUniqueOrThrow({ where: { domainId_fingerprint: { domainId: t.domainId, fingerprint: fp } } });

function hook(payload: unknown, opts: { uuid?: string; token?: string } = {}) {
  const uuid = opts.uuid ?? randomUUID();
  return receiveIntegrationWebhook({
    integrationId,
    rawBody: JSON.stringify(payload),
    headers: { "content-type": "application/json", "x-gitlab-event": "Issue Hook", "x-gitlab-token": opts.token ?? secret, "x-gitlab-event-uuid": uuid, "idempotency-key": uuid },
  });
}

beforeAll(async () => {
  gl = await startFakeGitlab();
  gl.addProject(PROJECT);
  gl.addUser("gl-dev");
  gl.addToken(TOKEN, "gl-owner");
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = gl.host;
  process.env.PLUMB_GITLAB_OAUTH_CLIENT_ID = gl.oauth.clientId;
  process.env.PLUMB_GITLAB_OAUTH_CLIENT_SECRET = gl.oauth.clientSecret;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
  t = await seedTenant(db.prisma, { credits: 1000 });
});
afterAll(async () => {
  for (const k of ["PLUMB_PRIVATE_TARGET_ALLOWLIST", "PLUMB_GITLAB_OAUTH_CLIENT_ID", "PLUMB_GITLAB_OAUTH_CLIENT_SECRET"]) delete process.env[k];
  resetEnv();
  setDatabase(undefined);
  await db?.close();
  await gl?.close();
});

describe("GitLab two-way sync", () => {
  it("connects a self-managed instance with OAuth (state + PKCE) against its authorize and token endpoints", async () => {
    const other = await seedTenant(db.prisma);
    const { authorizeUrl } = await startIntegrationOAuth(other.actor, { provider: "gitlab", baseUrl: gl.apiBaseUrl });
    const u = new URL(authorizeUrl);
    expect(`${u.origin}${u.pathname}`).toBe(`${gl.origin}/oauth/authorize`);
    expect(u.searchParams.get("scope")).toBe("api");
    expect(u.searchParams.get("code_challenge_method")).toBe("S256");
    const res = await fetch(authorizeUrl, { redirect: "manual" });
    const back = new URL(res.headers.get("location")!);
    const code = back.searchParams.get("code")!;
    const state = back.searchParams.get("state")!;
    expect(await completeIntegrationOAuth({ code, state: "0".repeat(64) })).toMatchObject({ ok: false });
    expect(await completeIntegrationOAuth({ code, state })).toMatchObject({ ok: true, provider: "gitlab", message: "Connected to GitLab as gl-owner." });
    const row = await db.prisma.integration.findFirstOrThrow({ where: { organizationId: other.orgId, provider: "gitlab" } });
    expect(row).toMatchObject({ status: "connected", authMethod: "oauth", baseUrl: gl.apiBaseUrl });
    const cred = openCredential(row);
    expect(cred).toMatchObject({ type: "oauth", scope: "api", refreshToken: expect.any(String), expiresAt: expect.any(String) });
    // Two hours later the access token has expired: the next test renews it with the refresh token (rotated).
    const expired = { ...(cred as Extract<typeof cred, { type: "oauth" }>), expiresAt: new Date(Date.now() - 60_000).toISOString() };
    await db.prisma.integration.update({ where: { id: row.id }, data: sealCredential(expired) });
    expect(await testIntegration(other.actor, { provider: "gitlab" })).toMatchObject({ ok: true, account: "gl-owner" });
    const renewed = openCredential(await db.prisma.integration.findUniqueOrThrow({ where: { id: row.id } }));
    expect(renewed).toMatchObject({ type: "oauth", expiresAt: expect.any(String) });
    if (renewed?.type !== "oauth" || cred?.type !== "oauth") throw new Error("not oauth");
    expect(renewed.accessToken).not.toBe(cred.accessToken);
    expect(renewed.refreshToken).not.toBe(cred.refreshToken);
    expect(new Date(renewed.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 3_600_000);
    expect(gl.tokens.has(cred.accessToken)).toBe(false);
    // A refresh GitLab refuses (the refresh token was revoked) says so and puts the integration in error.
    await db.prisma.integration.update({ where: { id: row.id }, data: sealCredential({ ...renewed, refreshToken: "revoked-refresh-token", expiresAt: new Date(Date.now() - 1000).toISOString() }) });
    expect(await testIntegration(other.actor, { provider: "gitlab" })).toMatchObject({ ok: false, message: expect.stringMatching(/refused to renew the sign-in/) });
    expect(await db.prisma.integration.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "error" });

    // A code without the matching verifier is refused by GitLab: a second start, its code exchanged under another state.
    const again = await startIntegrationOAuth(other.actor, { provider: "gitlab", baseUrl: gl.apiBaseUrl });
    const state2 = new URL(again.authorizeUrl).searchParams.get("state")!;
    const res2 = await fetch(authorizeUrl, { redirect: "manual" });
    const code2 = new URL(res2.headers.get("location")!).searchParams.get("code")!;
    expect(await completeIntegrationOAuth({ code: code2, state: state2 })).toMatchObject({ ok: false, message: expect.stringMatching(/refused the authorization code/) });
  });

  it("connects with a personal access token only after GitLab accepts it", async () => {
    await expect(connectIntegration(t.actor, { provider: "gitlab", credential: { type: "token", token: "glpat-wrongwrongwrong" }, baseUrl: gl.apiBaseUrl, config: { project: PROJECT } })).rejects.toMatchObject({ code: "provider_error" });
    await expect(connectIntegration(t.actor, { provider: "gitlab", credential: { type: "token", token: TOKEN }, baseUrl: "http://192.168.1.20/api/v4" })).rejects.toMatchObject({ code: "invalid_params", message: expect.stringMatching(/private address/) });
    const row = await connectIntegration(t.actor, { provider: "gitlab", credential: { type: "token", token: TOKEN }, baseUrl: gl.apiBaseUrl, config: { project: PROJECT, assignees: { [t.userId]: "gl-dev" } } });
    integrationId = row.id;
    secret = openWebhookSecret(row)!;
    expect(row).toMatchObject({ status: "connected", externalAccount: "gl-owner", authMethod: "token" });
    expect(row.encryptedCredentials).not.toContain(TOKEN);
  });

  it("files one issue per finding, and one per task listing its findings, once however often the sync runs", async () => {
    await runScan([finding("a"), finding("b"), finding("c", { severity: "medium" }), finding("d", { severity: "low" })]);
    const [a, b, c, d] = await Promise.all(["a", "b", "c", "d"].map(byFp));
    await db.prisma.finding.update({ where: { id: a!.id }, data: { assigneeId: t.userId } });
    const task = await db.prisma.task.create({ data: { organizationId: t.orgId, title: "Harden the headers", description: "Both header findings.", createdById: t.userId } });
    await db.prisma.taskFinding.createMany({ data: [c!, d!].map((f) => ({ taskId: task.id, findingId: f.id })) });
    expect(await requestIntegrationSync(t.actor, { provider: "gitlab", findingIds: [a!.id, b!.id, c!.id, d!.id] })).toMatchObject({ queued: true, added: 4 });
    expect(await sync()).toMatchObject({ created: 3, failed: 0 });
    const issues = gl.projects.get(PROJECT)!.issues;
    expect(issues).toHaveLength(3);
    expect(gl.issue(PROJECT, 1)).toMatchObject({ title: "[Plumb] Problem a", assignees: ["gl-dev"], labels: ["plumb:security", "severity:high"] });
    const taskIssue = issues.find((i) => i.title === "Harden the headers")!;
    expect(taskIssue.description).toMatch(/This task covers 2 finding/);
    expect(taskIssue.labels).toEqual(["plumb:security", "severity:medium", "severity:low"]);
    // Site content stays inside code: no live @all mention, no raw HTML.
    expect(issues[0]!.description).not.toMatch(/^<img/m);
    expect(issues[0]!.description).not.toMatch(/(^|\s)@all\b/);

    await requestIntegrationSync(t.actor, { provider: "gitlab", findingIds: [a!.id, b!.id] });
    const calls = gl.calls.length;
    expect(await sync()).toMatchObject({ created: 0, updated: 0 });
    expect(gl.calls.slice(calls).filter((l) => !l.startsWith("GET"))).toEqual([]);
  });

  it("closes the issue with a note when the scan resolves the finding", async () => {
    await runScan([finding("a"), finding("c", { severity: "medium" }), finding("d", { severity: "low" })]);
    expect(await sync()).toMatchObject({ closed: 1 });
    expect(gl.issue(PROJECT, 2)).toMatchObject({ state: "closed" });
    expect(gl.issue(PROJECT, 2)!.notes[0]).toMatch(/Resolved in Plumb/);
  });

  it("closed in GitLab → Issue Hook → claimed_upstream; a wrong token, a replay and an older state change nothing", async () => {
    const payload = gl.setState(PROJECT, 1, "closed");
    await expect(hook(payload, { token: "not-the-secret" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await byFp("a")).status).toBe("open");
    const uuid = randomUUID();
    expect(await hook(payload, { uuid })).toMatchObject({ status: "applied", result: { resolved: 1 } });
    expect(await byFp("a")).toMatchObject({ status: "resolved", resolution: "claimed_upstream", regression: false });
    expect(await hook(payload, { uuid })).toEqual({ status: "duplicate" });
    const attrs = payload.object_attributes as Record<string, unknown>;
    const older = { ...payload, object_attributes: { ...attrs, state: "opened", action: "reopen", updated_at: "2020-01-01 00:00:00 UTC" } };
    expect(await hook(older)).toMatchObject({ status: "applied", result: { stale: 1, reopened: 0 } });
    const elsewhere = { ...payload, project: { id: 1, path_with_namespace: "other/project" } };
    expect(await hook(elsewhere)).toMatchObject({ status: "ignored" });
    expect((await byFp("a")).status).toBe("resolved");
  });

  it("the next scan still sees it: reopened without a regression, and the GitLab issue is reopened once", async () => {
    const { recorded, settled } = await runScan([finding("a"), finding("c", { severity: "medium" }), finding("d", { severity: "low" })]);
    expect(recorded.regressed).toBe(0);
    expect(settled).toMatchObject({ regressions: 0 });
    expect(await byFp("a")).toMatchObject({ status: "open", resolution: null, regressionCount: 0 });
    expect(await sync()).toMatchObject({ reopened: 1 });
    expect(gl.issue(PROJECT, 1)).toMatchObject({ state: "opened" });
    expect(gl.issue(PROJECT, 1)!.notes.at(-1)).toMatch(/Reopened by Plumb/);

    await hook(gl.setState(PROJECT, 1, "closed"));
    await runScan([finding("a"), finding("c", { severity: "medium" }), finding("d", { severity: "low" })]);
    expect(await sync()).toMatchObject({ reopened: 0 });
    expect(gl.issue(PROJECT, 1)!.state).toBe("closed");
  });

  it("polling picks up a close that no webhook reported, for every finding of a task's issue", async () => {
    await db.prisma.integration.update({ where: { id: integrationId }, data: { lastPolledAt: null } });
    const taskIssue = gl.projects.get(PROJECT)!.issues.find((i) => i.title === "Harden the headers")!;
    gl.setState(PROJECT, taskIssue.iid, "closed");
    expect(await pollIntegration({ integrationId })).toMatchObject({ applied: expect.any(Number) });
    expect(await byFp("c")).toMatchObject({ status: "resolved", resolution: "claimed_upstream" });
    expect(await byFp("d")).toMatchObject({ status: "resolved", resolution: "claimed_upstream" });
  });
});
