// Jira and Linear end to end through the integration framework's services, against the local servers:
// connect (token tested before it is stored), send findings (one issue each, idempotent re-runs), close upstream
// → signed webhook → finding resolved `claimed_upstream` (replays and out-of-order deliveries ignored), a revoked
// token → status `error` in plain words, disconnect.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { openWebhookSecret } from "@/lib/integrations/credentials";
import { ProviderError } from "@/lib/integrations/provider";
import { connectIntegration } from "@/lib/services/integrations/connect-integration";
import { disconnectIntegration } from "@/lib/services/integrations/disconnect-integration";
import { receiveIntegrationWebhook } from "@/lib/services/integrations/receive-integration-webhook";
import { recordIntegrationError } from "@/lib/services/integrations/record-integration-error";
import { requestIntegrationSync } from "@/lib/services/integrations/request-integration-sync";
import { syncIntegrationBatch } from "@/lib/services/integrations/sync-integration-batch";
import type { Actor } from "@/lib/services/audit/record-audit-event";
import { createTestDatabase } from "@/test/support/db";
import { seedOrg } from "@/test/support/server";
import { startJiraServer, type JiraServer } from "@/test/support/providers/jira-server";
import { startLinearServer, type LinearServer } from "@/test/support/providers/linear-server";

let db: Database;
let jira: JiraServer;
let linear: LinearServer;
let actor: Actor;
let domainId: string;

async function findings(n: number, rule: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = await db.prisma.finding.create({
      data: {
        organizationId: actor.orgId,
        domainId,
        fingerprint: `${rule}-${i}-${Math.random()}`,
        pillar: "security",
        rule,
        severity: i === 0 ? "high" : "medium",
        title: `${rule} #${i}`,
        description: "What is wrong.",
        fix: "What to change.",
        url: `https://example.com/p/${i}`,
        urls: [`https://example.com/p/${i}`],
        instancesCount: 1,
        pagesCount: 1,
        instances: { create: [{ url: `https://example.com/p/${i}`, snippet: "<script src=`x`>[a|https://evil.example]" }] },
      },
    });
    ids.push(f.id);
  }
  return ids;
}

async function syncAll(integrationId: string) {
  let cursor: string | null = null;
  const totals = { created: 0, updated: 0, unchanged: 0, failed: 0, calls: 0 };
  do {
    const r = await syncIntegrationBatch({ integrationId, organizationId: actor.orgId, cursor });
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
    cursor = r.nextCursor;
  } while (cursor);
  return totals;
}

beforeAll(async () => {
  jira = await startJiraServer();
  jira.addBasic("bot@example.com", "jira-api-token-1");
  linear = await startLinearServer();
  linear.addKey("lin_api_e2e_key_1");
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = `${jira.host},${linear.host}`;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
  const org = await seedOrg(db.prisma);
  actor = { orgId: org.orgId, userId: org.userId, apiKeyId: null, requestId: null };
  domainId = (await db.prisma.domain.create({ data: { organizationId: org.orgId, host: "example.com", verifyToken: "t", verifiedAt: new Date() } })).id;
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  setDatabase(undefined);
  await db?.close();
  await jira?.close();
  await linear?.close();
});

describe("Jira through the framework", () => {
  it("connects, sends findings once, resolves one closed upstream by webhook, and disconnects", async () => {
    const conn = await connectIntegration(actor, {
      provider: "jira",
      baseUrl: jira.origin,
      credential: { type: "token", token: "jira-api-token-1", email: "bot@example.com" },
      config: { projectKey: "WEB", assignees: {}, labels: { always: ["plumb"], byPillar: true, bySeverity: true } },
    });
    expect(conn).toMatchObject({ status: "connected" });
    const row = await db.prisma.integration.findFirstOrThrow({ where: { organizationId: actor.orgId, provider: "jira" } });
    expect(row.externalAccount).toBe("Plumb Bot");

    const ids = await findings(3, "csp-missing");
    await requestIntegrationSync(actor, { provider: "jira", findingIds: ids });
    expect(await syncAll(row.id)).toMatchObject({ created: 3, failed: 0 });
    expect(jira.issues.size).toBe(3);
    const labels = [...jira.issues.values()][0].labels;
    expect(labels).toEqual(expect.arrayContaining(["plumb", "plumb:security"]));
    // A rerun never duplicates.
    await requestIntegrationSync(actor, { provider: "jira", findingIds: ids });
    expect((await syncAll(row.id)).created).toBe(0);
    expect(jira.issues.size).toBe(3);

    const link = await db.prisma.integrationLink.findFirstOrThrow({ where: { integrationId: row.id, findingId: ids[0] } });
    const ext = link.externalId ?? "";
    expect(ext).not.toBe("");
    const secret = openWebhookSecret(row)!;
    jira.setStatus(ext, "done");
    const closed = jira.webhook(ext, { secret, identifier: "jira-delivery-1" });
    expect(await receiveIntegrationWebhook({ integrationId: row.id, ...closed })).toMatchObject({ status: "applied", result: { resolved: 1 } });
    const f0 = await db.prisma.finding.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(f0).toMatchObject({ status: "resolved", resolution: "claimed_upstream", regression: false });
    // Replay: the same delivery again changes nothing.
    expect(await receiveIntegrationWebhook({ integrationId: row.id, ...closed })).toEqual({ status: "duplicate" });
    // Wrong signature.
    await expect(receiveIntegrationWebhook({ integrationId: row.id, ...jira.webhook(ext, { secret: "not-the-secret" }) })).rejects.toMatchObject({ code: "forbidden" });
    // Out of order: an older "open" delivery arriving after the close is ignored.
    jira.setStatus(ext, "new");
    const reopened = jira.webhook(ext, { secret, identifier: "jira-delivery-2" });
    jira.setStatus(ext, "done");
    const closedAgain = jira.webhook(ext, { secret, identifier: "jira-delivery-3" });
    expect(await receiveIntegrationWebhook({ integrationId: row.id, ...closedAgain })).toMatchObject({ status: "applied" });
    expect(await receiveIntegrationWebhook({ integrationId: row.id, ...reopened })).toMatchObject({ status: "applied", result: { stale: 1, reopened: 0 } });
    expect((await db.prisma.finding.findUniqueOrThrow({ where: { id: ids[0] } })).status).toBe("resolved");

    await disconnectIntegration(actor, { provider: "jira" });
    expect((await db.prisma.integration.findFirstOrThrow({ where: { id: row.id } })).status).toBe("disconnected");
  });

  it("refuses to connect with a wrong token and turns a revoked token into status error in plain words", async () => {
    await expect(
      connectIntegration(actor, { provider: "jira", baseUrl: jira.origin, credential: { type: "token", token: "wrong-token-123", email: "bot@example.com" }, config: { projectKey: "WEB" } }),
    ).rejects.toBeTruthy();
    jira.addBasic("bot2@example.com", "jira-token-to-revoke");
    await connectIntegration(actor, { provider: "jira", baseUrl: jira.origin, credential: { type: "token", token: "jira-token-to-revoke", email: "bot2@example.com" }, config: { projectKey: "WEB" } });
    const row = await db.prisma.integration.findFirstOrThrow({ where: { organizationId: actor.orgId, provider: "jira" } });
    jira.revoke("jira-token-to-revoke");
    const ids = await findings(1, "hsts-missing");
    await requestIntegrationSync(actor, { provider: "jira", findingIds: ids });
    const err = await syncAll(row.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    const message = await recordIntegrationError({ integrationId: row.id, error: err });
    expect(message).toMatch(/revoked or has expired/);
    expect(message).not.toContain("jira-token-to-revoke");
    expect(await db.prisma.integration.findFirstOrThrow({ where: { id: row.id } })).toMatchObject({ status: "error" });
  });
});

describe("Linear through the framework", () => {
  it("connects, sends findings, resolves one completed upstream by a signed webhook, and ignores an old delivery", async () => {
    await connectIntegration(actor, { provider: "linear", baseUrl: linear.apiUrl, credential: { type: "token", token: "lin_api_e2e_key_1" }, config: { teamId: "WEB" } });
    const row = await db.prisma.integration.findFirstOrThrow({ where: { organizationId: actor.orgId, provider: "linear" } });
    const ids = await findings(2, "sri-missing");
    await requestIntegrationSync(actor, { provider: "linear", findingIds: ids });
    expect(await syncAll(row.id)).toMatchObject({ created: 2, failed: 0 });
    expect(linear.issues.size).toBe(2);
    const link = await db.prisma.integrationLink.findFirstOrThrow({ where: { integrationId: row.id, findingId: ids[1] } });
    const ext = link.externalId ?? "";
    expect(ext).not.toBe("");
    const secret = openWebhookSecret(row)!;
    linear.setStateType(ext, "completed");
    const d = linear.webhook(ext, { secret });
    expect(await receiveIntegrationWebhook({ integrationId: row.id, ...d })).toMatchObject({ status: "applied", result: { resolved: 1 } });
    expect(await db.prisma.finding.findUniqueOrThrow({ where: { id: ids[1] } })).toMatchObject({ status: "resolved", resolution: "claimed_upstream" });
    expect(await receiveIntegrationWebhook({ integrationId: row.id, ...d })).toEqual({ status: "duplicate" });
    // A captured delivery replayed later with a new delivery id fails the timestamp window.
    const old = linear.webhook(ext, { secret, timestamp: Date.now() - 10 * 60_000 });
    await expect(receiveIntegrationWebhook({ integrationId: row.id, ...old })).rejects.toMatchObject({ code: "forbidden" });
    await disconnectIntegration(actor, { provider: "linear" });
  });
});
