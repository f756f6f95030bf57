// The two-way GitHub sync end to end at the service level, on the real database and the local GitHub with the
// real octokit: send findings (idempotent), update/close/reopen from Plumb, close upstream → webhook →
// claimed_upstream (signature, replay, out-of-order), the next scan reopens without a regression and the
// issue is reopened once, revoked tokens put the integration in error, credentials never leave.
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeIntegration } from "@/lib/api/serializers/integration";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { openWebhookSecret } from "@/lib/integrations/credentials";
import { ProviderError } from "@/lib/integrations/provider";
import type { Finding } from "@/lib/scanner/types";
import { connectIntegration } from "@/lib/services/integrations/connect-integration";
import { finishIntegrationSync } from "@/lib/services/integrations/finish-integration-sync";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";
import { pollIntegration } from "@/lib/services/integrations/poll-integration";
import { receiveIntegrationWebhook } from "@/lib/services/integrations/receive-integration-webhook";
import { recordIntegrationError } from "@/lib/services/integrations/record-integration-error";
import { requestIntegrationSync } from "@/lib/services/integrations/request-integration-sync";
import { syncIntegrationBatch, type SyncBatchResult } from "@/lib/services/integrations/sync-integration-batch";
import { testIntegration } from "@/lib/services/integrations/test-integration";
import { createTestDatabase } from "@/test/support/db";
import { startFakeGithub, type FakeGithub } from "@/test/support/providers/github";
import { seedTenant, type SeededTenant } from "@/test/services/seed";
import { runSyncScan, syncFinding } from "@/test/support/tracker-sync-scan";

const TOKEN = "ghp_synctesttoken0000000000000000000000";
const REPO = "acme/site";

const HOSTILE = { evidence: "<script>alert(`x`)</script> @everyone", selector: "script" };
const finding = (fingerprint: string, over: Partial<Finding> = {}): Finding => syncFinding(fingerprint, HOSTILE, over);

let db: Database;
let t: SeededTenant;
let gh: FakeGithub;
let integrationId: string;
let secret: string;

const runScan = (findings: Finding[]) => runSyncScan(db.prisma, t, findings);

/** What the integration-sync-requested function does: batches until the cursor runs out. */
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

const fid = async (fp: string) => (await db.prisma.finding.findUniqueOrThrow({ where: { domainId_fingerprint: { domainId: t.domainId, fingerprint: fp } } })).id;
const byFp = async (fp: string) => db.prisma.finding.findUniqueOrThrow({ where: { domainId_fingerprint: { domainId: t.domainId, fingerprint: fp } } });

function webhook(payload: unknown, opts: { deliveryId?: string; sign?: string } = {}) {
  const rawBody = JSON.stringify(payload);
  const sig = `sha256=${createHmac("sha256", opts.sign ?? secret).update(rawBody).digest("hex")}`;
  return receiveIntegrationWebhook({ integrationId, rawBody, headers: { "x-github-event": "issues", "x-github-delivery": opts.deliveryId ?? randomUUID(), "x-hub-signature-256": sig, "content-type": "application/json" } });
}

beforeAll(async () => {
  gh = await startFakeGithub();
  gh.addRepo(REPO, { collaborators: ["octo-dev"] });
  gh.addToken(TOKEN, "octo-owner");
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = gh.host;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
  t = await seedTenant(db.prisma, { credits: 1000 });
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  setDatabase(undefined);
  await db?.close();
  await gh?.close();
});

describe("GitHub two-way sync", () => {
  it("connects with a token only after GitHub accepts it, and never returns the token", async () => {
    await expect(connectIntegration(t.actor, { provider: "github", credential: { type: "token", token: "ghp_wrongwrongwrongwrong" }, baseUrl: gh.apiBaseUrl, config: { repository: REPO } })).rejects.toMatchObject({ code: "provider_error", message: expect.stringMatching(/revoked or expired/) });
    const row = await connectIntegration(t.actor, { provider: "github", credential: { type: "token", token: TOKEN }, baseUrl: gh.apiBaseUrl, config: { repository: REPO, assignees: { [t.userId]: "octo-dev" } } });
    integrationId = row.id;
    secret = openWebhookSecret(row)!;
    expect(row).toMatchObject({ status: "connected", externalAccount: "octo-owner", authMethod: "token", baseUrl: gh.apiBaseUrl });
    expect(row.encryptedCredentials).not.toContain(TOKEN);
    const listed = (await listIntegrations({ orgId: t.orgId })).map((r) => serializeIntegration(r.provider, r.row, r.links));
    const json = JSON.stringify(listed);
    expect(json).not.toContain(TOKEN);
    expect(json).not.toContain(secret);
    expect(listed.find((i) => i.provider === "github")).toMatchObject({ status: "connected", account: "octo-owner", webhook_url: expect.stringContaining(`/api/v1/integrations/webhooks/${row.id}`) });
    expect(await testIntegration(t.actor, { provider: "github" })).toMatchObject({ ok: true, account: "octo-owner", target: REPO });
  });

  it("refuses a private self-hosted base URL that is not allowlisted", async () => {
    await expect(connectIntegration(t.actor, { provider: "github", credential: { type: "token", token: TOKEN }, baseUrl: "http://10.0.0.7/api/v3" })).rejects.toMatchObject({ code: "invalid_params", message: expect.stringMatching(/private address/) });
  });

  it("sends three findings as three issues, once, however often the sync runs", async () => {
    await runScan([finding("a"), finding("b"), finding("c", { severity: "medium", pillar: "accessibility" })]);
    await db.prisma.finding.update({ where: { id: await fid("a") }, data: { assigneeId: t.userId } });
    const ids = [await fid("a"), await fid("b"), await fid("c")];
    expect(await requestIntegrationSync(t.actor, { provider: "github", findingIds: ids })).toMatchObject({ queued: true, added: 3 });
    expect(await db.prisma.jobOutbox.count({ where: { event: "plumb/integration.sync" } })).toBe(1);
    expect(await sync()).toMatchObject({ created: 3, failed: 0 });
    const issues = gh.repos.get(REPO)!.issues;
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatchObject({ title: "[Plumb] Problem a", assignees: ["octo-dev"], labels: ["plumb:security", "severity:high"] });
    expect(issues[2]!.labels).toEqual(["plumb:accessibility", "severity:medium"]);
    // Hostile site content stays inside code: no live mention, no raw HTML.
    expect(issues[0]!.body).toContain("**How to fix**");
    expect(issues[0]!.body).toMatch(/\/o\/[^/]+\/findings\?finding=/);
    expect(issues[0]!.body).not.toMatch(/^<script>/m);

    // Sending again and syncing again: no new issue, no write call.
    await requestIntegrationSync(t.actor, { provider: "github", findingIds: ids });
    const calls = gh.calls.length;
    expect(await sync()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(gh.calls.slice(calls).filter((c) => !c.startsWith("GET"))).toEqual([]);
    expect(gh.repos.get(REPO)!.issues).toHaveLength(3);
    expect(await db.prisma.integration.findUniqueOrThrow({ where: { id: integrationId } })).toMatchObject({ status: "connected", lastError: null });
  });

  it("updates an issue when its finding changes and closes it when the scan resolves it", async () => {
    await runScan([finding("a", { title: "Problem a, changed" }), finding("c", { severity: "medium", pillar: "accessibility" })]);
    expect((await byFp("b")).status).toBe("resolved");
    expect(await sync()).toMatchObject({ updated: 1, closed: 1 });
    expect(gh.issue(REPO, 1)!.title).toBe("[Plumb] Problem a, changed");
    expect(gh.issue(REPO, 2)).toMatchObject({ state: "closed" });
    expect(gh.issue(REPO, 2)!.comments[0]).toMatch(/Resolved in Plumb/);
  });

  it("closed upstream → signed webhook → resolved as claimed_upstream; replays, bad signatures and older states change nothing", async () => {
    const payload = gh.setState(REPO, 3, "closed");
    await expect(webhook(payload, { sign: "not-the-secret" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await byFp("c")).status).toBe("open");

    const deliveryId = randomUUID();
    expect(await webhook(payload, { deliveryId })).toMatchObject({ status: "applied", result: { resolved: 1 } });
    const c = await byFp("c");
    expect(c).toMatchObject({ status: "resolved", resolution: "claimed_upstream", regression: false });
    const note = await db.prisma.findingEvent.findFirstOrThrow({ where: { findingId: c.id, toStatus: "resolved" }, orderBy: { createdAt: "desc" } });
    expect(note.justification).toMatch(/Closed upstream in GitHub/);

    expect(await webhook(payload, { deliveryId })).toEqual({ status: "duplicate" });
    // An older "open" state of the same issue arriving late (new delivery id) is ignored.
    const older = { ...payload, action: "reopened", issue: { ...(payload.issue as Record<string, unknown>), state: "open", updated_at: "2020-01-01T00:00:00Z" } };
    expect(await webhook(older)).toMatchObject({ status: "applied", result: { stale: 1, reopened: 0 } });
    expect((await byFp("c")).status).toBe("resolved");
  });

  it("the next scan still sees it: reopened with a note, not a regression, and the issue is reopened once", async () => {
    const { recorded, settled } = await runScan([finding("a", { title: "Problem a, changed" }), finding("c", { severity: "medium", pillar: "accessibility" })]);
    expect(recorded.regressed).toBe(0);
    expect(settled).toMatchObject({ regressions: 0 });
    const c = await byFp("c");
    expect(c).toMatchObject({ status: "open", resolution: null, regression: false, regressionCount: 0 });
    const note = await db.prisma.findingEvent.findFirstOrThrow({ where: { findingId: c.id, toStatus: "open" }, orderBy: { createdAt: "desc" } });
    expect(note.justification).toMatch(/closed upstream, but the latest scan still sees/);
    expect(await db.prisma.jobOutbox.count({ where: { key: { contains: `integration-sync:${integrationId}:scan:` } } })).toBe(1);

    expect(await sync()).toMatchObject({ reopened: 1 });
    expect(gh.issue(REPO, 3)).toMatchObject({ state: "open" });
    expect(gh.issue(REPO, 3)!.comments.at(-1)).toMatch(/Reopened by Plumb/);

    // Closed upstream a second time: resolved again; the scan reopens the finding, but the issue stays closed.
    await webhook(gh.setState(REPO, 3, "closed"));
    expect((await byFp("c")).resolution).toBe("claimed_upstream");
    await runScan([finding("a", { title: "Problem a, changed" }), finding("c", { severity: "medium", pillar: "accessibility" })]);
    expect(await sync()).toMatchObject({ reopened: 0 });
    expect(gh.issue(REPO, 3)!.state).toBe("closed");
  });

  it("polling picks up a close that no webhook reported", async () => {
    await db.prisma.integration.update({ where: { id: integrationId }, data: { lastPolledAt: null } });
    gh.setState(REPO, 1, "closed");
    expect(await pollIntegration({ integrationId })).toMatchObject({ applied: 1 });
    expect(await byFp("a")).toMatchObject({ status: "resolved", resolution: "claimed_upstream" });
  });

  it("a revoked token puts the integration in error with the reason in plain words", async () => {
    await runScan([finding("a", { title: "Problem a, third title" }), finding("c", { severity: "medium", pillar: "accessibility" })]);
    gh.revoke(TOKEN);
    const err = await syncIntegrationBatch({ integrationId, organizationId: t.orgId, cursor: null }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    const message = await recordIntegrationError({ integrationId, error: err });
    expect(message).toMatch(/GitHub refused the token/);
    expect(await db.prisma.integration.findUniqueOrThrow({ where: { id: integrationId } })).toMatchObject({ status: "error", lastError: message });
    gh.addToken(TOKEN, "octo-owner");
    expect(await testIntegration(t.actor, { provider: "github" })).toMatchObject({ ok: true });
    expect(await db.prisma.integration.findUniqueOrThrow({ where: { id: integrationId } })).toMatchObject({ status: "connected", lastError: null });
  });

  it("another organization's findings cannot be sent", async () => {
    const other = await seedTenant(db.prisma);
    await expect(requestIntegrationSync(t.actor, { provider: "github", findingIds: [other.domainId] })).rejects.toMatchObject({ code: "not_found" });
    await expect(requestIntegrationSync(other.actor, { provider: "github" })).rejects.toMatchObject({ code: "not_found" });
  });
});
