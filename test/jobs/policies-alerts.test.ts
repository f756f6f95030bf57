// Policies and alerts on the real database, through the real embedded engine: automation policies (simulate vs
// apply, a member's decision never overridden), gates, a signed webhook to a local receiver that answers 500
// then 200 (retried with backoff, every try logged), an e-mail alert received by a local SMTP server, the
// scan-settled function end to end, and the daily TLS check against a local HTTPS server whose self-signed
// certificate (generated here) expires in three days.
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "selfsigned";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { startJobEngine, stopJobEngine } from "@/lib/jobs";
import { enqueueJob, flushOutbox } from "@/lib/jobs/outbox";
import { createTestDatabase } from "@/test/support/db";
import { recipient, startSmtpServer, type TestSmtpServer } from "@/test/support/mail";
import { seedTenant, type SeededTenant } from "@/test/services/seed";
import { createPolicy } from "@/lib/services/policies/create-policy";
import { simulatePolicy } from "@/lib/services/policies/simulate-policy";
import { applyAutomationPolicies } from "@/lib/services/policies/apply-automation-policies";
import { evaluateScanGates } from "@/lib/services/policies/evaluate-scan-gates";
import { updateFinding } from "@/lib/services/findings/update-finding";
import { createAlertChannel } from "@/lib/services/alerts/create-alert-channel";
import { sendTestAlert } from "@/lib/services/alerts/send-test-alert";
import { verifyWebhookSignature } from "@/lib/services/alerts/sign-webhook";
import { checkTlsExpiry } from "@/lib/services/alerts/check-tls-expiry";
import { markVerificationLost } from "@/lib/services/verification/mark-verification-lost";
import { rollAlertChannelSecret } from "@/lib/services/alerts/roll-alert-channel-secret";
import { connectIntegration } from "@/lib/services/integrations/connect-integration";
import { updateTask } from "@/lib/services/tasks/update-task";
import { startFakeGithub, type FakeGithub } from "@/test/support/providers/github";

interface Received {
  body: string;
  signature: string;
  event: string;
  at: number;
}

/** A local webhook receiver: answers the queued statuses in order, then 200. */
async function startReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["plumb-signature"] ?? ""), event: String(req.headers["plumb-event"] ?? ""), at: Date.now() });
      res.writeHead(answers.shift() ?? 200, { "content-type": "text/plain" }).end("ok");
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks/plumb`,
    received,
    answers,
    async waitFor(n: number, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${n} requests`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function waitUntil<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

let db: Database;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: TestSmtpServer;
let tlsServer: https.Server;
let tlsPort: number;
let gh: FakeGithub;
const GH_TOKEN = "ghp_policytesttoken00000000000000000000";

beforeAll(async () => {
  receiver = await startReceiver();
  gh = await startFakeGithub();
  gh.addRepo("acme/site", { collaborators: [] });
  gh.addToken(GH_TOKEN, "octo-owner");
  smtp = await startSmtpServer();
  // A certificate that expires in three days, made now.
  const now = new Date();
  const pems = await generate([{ name: "commonName", value: "localhost" }], { notBeforeDate: new Date(now.getTime() - 86_400_000), notAfterDate: new Date(now.getTime() + 3 * 86_400_000 + 3_600_000), keySize: 2048 });
  tlsServer = https.createServer({ key: pems.private, cert: pems.cert }, (_req, res) => res.end("ok"));
  await new Promise<void>((r) => tlsServer.listen(0, "127.0.0.1", r));
  tlsPort = (tlsServer.address() as AddressInfo).port;
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = `http://127.0.0.1:${receiver.port},https://127.0.0.1:${tlsPort},${gh.host}`;
  process.env.SMTP_URL = smtp.url;
  process.env.PLUMB_MAIL_FROM = "Plumb Test <plumb@example.test>";
  process.env.PLUMB_JOBS_CRON = "off";
  process.env.PLUMB_JOBS_POLL_SECONDS = "0.5";
  process.env.PLUMB_JOBS_RETRY_BASE_MS = "200";
  delete process.env.PLUMB_ROLE;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
  await startJobEngine();
}, 120_000);

afterAll(async () => {
  await stopJobEngine();
  setDatabase(undefined);
  await db?.close();
  await receiver?.close();
  await smtp?.close();
  await gh?.close();
  await new Promise<void>((r) => (tlsServer ? tlsServer.close(() => r()) : r()));
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  delete process.env.SMTP_URL;
  delete process.env.PLUMB_JOBS_RETRY_BASE_MS;
  resetEnv();
});

let seq = 0;
async function seedScanWithFindings(t: SeededTenant, findings: { rule: string; severity: "critical" | "high" | "medium" | "low" | "info"; url?: string; instances?: number }[], opts: { grade?: string } = {}) {
  const started = new Date(Date.now() - 60_000);
  const scan = await db.prisma.scan.create({
    data: { organizationId: t.orgId, domainId: t.domainId, status: "succeeded", pillars: ["security"], startedAt: started, finishedAt: new Date(), score: 72, scores: { security: 72 }, grade: opts.grade ?? "C", summary: { critical: 0, high: 1, medium: 1, low: 0, info: 0 } },
  });
  const rows = [];
  for (const f of findings) {
    rows.push(
      await db.prisma.finding.create({
        data: {
          organizationId: t.orgId,
          domainId: t.domainId,
          fingerprint: `fp-${++seq}`,
          pillar: "security",
          rule: f.rule,
          severity: f.severity,
          title: `Problem ${f.rule}`,
          description: "d",
          fix: "f",
          url: f.url ?? "https://site.example/",
          urls: [f.url ?? "https://site.example/"],
          instancesCount: f.instances ?? 1,
          lastScanId: scan.id,
          firstSeenAt: new Date(),
        },
      }),
    );
  }
  return { scan, findings: rows };
}

describe("automation policies", () => {
  it("simulate shows what apply then does; a member's decision is never overridden; re-applying changes nothing", async () => {
    const t = await seedTenant(db.prisma);
    const { scan, findings } = await seedScanWithFindings(t, [
      { rule: "csp-missing", severity: "high" },
      { rule: "csp-unsafe-inline", severity: "medium" },
      { rule: "hsts-missing", severity: "medium" },
    ]);
    // A member decided the second one: they set its severity and re-opened it with a reason.
    await updateFinding(t.actor, { findingId: findings[1].id, patch: { status: "in_progress" } }, db.prisma);
    const rules = { match: { rule: "csp-*", pillars: ["security"] }, actions: [{ type: "accept_risk", justification: "CSP rollout planned for Q3", expires_in_days: 30 }, { type: "set_severity", severity: "low" }] };

    const sim = await simulatePolicy({ orgId: t.orgId, draft: { kind: "automation", rules } }, db.prisma);
    expect(sim.counts).toEqual({ accept_risk: 1, set_severity: 2 });
    expect(sim.skipped.human_decision).toBe(1);
    expect(sim.rows.find((r) => r.findingId === findings[1].id && r.action === "accept_risk")?.skipped).toBe("human_decision");
    // Nothing changed.
    expect((await db.prisma.finding.findUniqueOrThrow({ where: { id: findings[0].id } })).status).toBe("open");

    const policy = await createPolicy(t.actor, { name: "CSP later", kind: "automation", rules }, db.prisma);
    const applied = await applyAutomationPolicies({ scanId: scan.id }, db.prisma);
    expect(applied).toMatchObject({ applied: 3, skippedHuman: 1 });
    const [a, b, c] = await Promise.all(findings.map((f) => db.prisma.finding.findUniqueOrThrow({ where: { id: f.id } })));
    expect(a).toMatchObject({ status: "accepted_risk", severity: "low" });
    expect(a.acceptedUntil!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(b).toMatchObject({ status: "in_progress", severity: "low" });
    expect(c).toMatchObject({ status: "open", severity: "medium" });
    const history = await db.prisma.findingEvent.findMany({ where: { findingId: a.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => [h.kind, h.actorId, h.policyId])).toEqual(expect.arrayContaining([["status", null, policy.id], ["severity", null, policy.id]]));
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "policy.apply" } })).toBe(3);

    // Again (a retried step): nothing new.
    expect(await applyAutomationPolicies({ scanId: scan.id }, db.prisma)).toMatchObject({ applied: 0 });
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "policy.apply" } })).toBe(3);

    // A member's severity decision also stands against a later policy.
    await updateFinding(t.actor, { findingId: c.id, patch: { severity: "critical" } }, db.prisma);
    await createPolicy(t.actor, { name: "HSTS low", kind: "automation", rules: { match: { rule: "hsts-*" }, actions: [{ type: "set_severity", severity: "info" }] } }, db.prisma);
    await applyAutomationPolicies({ scanId: scan.id }, db.prisma);
    expect((await db.prisma.finding.findUniqueOrThrow({ where: { id: c.id } })).severity).toBe("critical");
  });

  it("refuses an unknown integration, a non-member assignee and another organization's channel, with 422-style errors", async () => {
    const t = await seedTenant(db.prisma);
    const other = await seedTenant(db.prisma);
    await expect(createPolicy(t.actor, { name: "x", kind: "automation", rules: { match: {}, actions: [{ type: "sync_integration", integration_id: "i1" }] } }, db.prisma)).rejects.toMatchObject({ code: "invalid_params", message: /integration_id: No such integration/ });
    await expect(createPolicy(t.actor, { name: "x", kind: "automation", rules: { match: {}, actions: [{ type: "create_task", assignee_id: other.userId }] } }, db.prisma)).rejects.toMatchObject({ code: "invalid_params", message: /assignee_id/ });
    await expect(createPolicy(t.actor, { name: "x", kind: "automation", rules: { match: {}, actions: [{ type: "notify_channel", channel_id: "nope" }] } }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createPolicy(t.actor, { name: "x", kind: "automation", rules: { match: {}, actions: [{ type: "accept_risk", justification: " ", expires_in_days: 3 }] } }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
  });

  it("create_task: one task per open finding with assignee and due date, in history and audit; never twice; a member's decision stands", async () => {
    const t = await seedTenant(db.prisma);
    const now = new Date("2026-12-02T10:00:00Z");
    const { scan, findings } = await seedScanWithFindings(t, [
      { rule: "cookie-no-secure", severity: "high" },
      { rule: "cookie-no-httponly", severity: "medium" },
      { rule: "cookie-samesite", severity: "medium" },
    ]);
    // A member accepted the third one: no task for it.
    await updateFinding(t.actor, { findingId: findings[2].id, patch: { status: "accepted_risk", justification: "third-party cookie, vendor ticket open" } }, db.prisma);
    const rules = { match: { rule: "cookie-*" }, actions: [{ type: "create_task", assignee_id: t.userId, due_in_days: 7, priority: "high" }] };

    const sim = await simulatePolicy({ orgId: t.orgId, draft: { kind: "automation", rules }, now }, db.prisma);
    expect(sim.counts).toEqual({ create_task: 2 });
    expect(sim.skipped).toEqual({ human_decision: 1, no_change: 0 });
    const row = sim.rows.find((r) => r.findingId === findings[0].id)!;
    expect(row).toMatchObject({ action: "create_task", to: t.userId, priority: "high", skipped: null });
    expect(row.dueAt?.toISOString()).toBe("2026-12-09T10:00:00.000Z");
    expect(await db.prisma.task.count({ where: { organizationId: t.orgId } })).toBe(0);

    const policy = await createPolicy(t.actor, { name: "Cookies to Dana", kind: "automation", rules }, db.prisma);
    expect(await applyAutomationPolicies({ scanId: scan.id, now }, db.prisma)).toMatchObject({ applied: 2, tasks: 2, skippedHuman: 1 });
    const tasks = await db.prisma.task.findMany({ where: { organizationId: t.orgId }, include: { findings: true, events: true }, orderBy: { title: "asc" } });
    expect(tasks.map((x) => x.title).sort()).toEqual(["Fix: Problem cookie-no-httponly", "Fix: Problem cookie-no-secure"]);
    for (const task of tasks) {
      expect(task).toMatchObject({ assigneeId: t.userId, priority: "high", status: "todo", createdById: null });
      expect(task.dueAt?.toISOString()).toBe("2026-12-09T10:00:00.000Z");
      expect(task.findings).toHaveLength(1);
      expect(task.events.map((e) => e.kind).sort()).toEqual(["assignee", "created"]);
    }
    const history = await db.prisma.findingEvent.findMany({ where: { findingId: findings[0].id, kind: "task" } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actorId: null, policyId: policy.id });
    expect(history[0].justification).toMatch(/Cookies to Dana.*created the task.*due 2026-12-09/);
    const audits = await db.prisma.auditEvent.findMany({ where: { organizationId: t.orgId, action: "policy.apply" } });
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => (a.metadata as { action: string }).action === "create_task" && a.actorUserId === null)).toBe(true);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "task.create" } })).toBe(2);
    // The assignee is told (in-app).
    expect(await db.prisma.notification.count({ where: { userId: t.userId, organizationId: t.orgId, kind: "task_assigned" } })).toBe(2);

    // Re-applied (a retried step, the next scan): the open tasks are enough.
    expect(await applyAutomationPolicies({ scanId: scan.id, now }, db.prisma)).toMatchObject({ applied: 0, tasks: 0 });
    // A member closes one task while its finding is still open: the policy does not re-create it.
    const closed = tasks.find((x) => x.findings[0].findingId === findings[0].id)!;
    await updateTask(t.actor, { taskId: closed.id, patch: { status: "done" } }, db.prisma);
    const again = await simulatePolicy({ orgId: t.orgId, draft: { kind: "automation", rules: { ...rules } }, now }, db.prisma);
    expect(again.counts).toEqual({ create_task: 1 });
    expect(await applyAutomationPolicies({ scanId: scan.id, now }, db.prisma)).toMatchObject({ tasks: 0 });
    expect(await db.prisma.task.count({ where: { organizationId: t.orgId } })).toBe(2);
  });

  it("sync_integration: queues the matching findings for the tracker through the outbox; the sync files one issue each, once", async () => {
    const t = await seedTenant(db.prisma);
    const integration = await connectIntegration(t.actor, { provider: "github", credential: { type: "token", token: GH_TOKEN }, baseUrl: gh.apiBaseUrl, config: { repository: "acme/site" } });
    const { scan, findings } = await seedScanWithFindings(t, [
      { rule: "xss-reflected", severity: "critical" },
      { rule: "xss-dom", severity: "high" },
      { rule: "seo-title", severity: "low" },
    ]);
    await updateFinding(t.actor, { findingId: findings[1].id, patch: { status: "false_positive", justification: "sanitised server-side" } }, db.prisma);
    const rules = { match: { rule: "xss-*" }, actions: [{ type: "sync_integration", integration_id: integration.id }] };
    const sim = await simulatePolicy({ orgId: t.orgId, draft: { kind: "automation", rules } }, db.prisma);
    expect(sim.counts).toEqual({ sync_integration: 1 });
    expect(sim.skipped.human_decision).toBe(1);
    expect(await db.prisma.integrationLink.count({ where: { integrationId: integration.id } })).toBe(0);

    const policy = await createPolicy(t.actor, { name: "XSS to GitHub", kind: "automation", rules }, db.prisma);
    const before = gh.repos.get("acme/site")!.issues.length;
    expect(await applyAutomationPolicies({ scanId: scan.id }, db.prisma)).toMatchObject({ applied: 1, synced: 1 });
    const outbox = await db.prisma.jobOutbox.findMany({ where: { event: "plumb/integration.sync", key: { contains: `policy:${policy.id}` } } });
    expect(outbox).toHaveLength(1);
    expect(await db.prisma.findingEvent.count({ where: { findingId: findings[0].id, kind: "sync", policyId: policy.id } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "policy.apply", targetId: findings[0].id } })).toBe(1);
    // The running engine picks the outbox row up: the existing sync files the issue on the local GitHub.
    const link = await waitUntil(async () => db.prisma.integrationLink.findFirst({ where: { integrationId: integration.id, findingId: findings[0].id, externalId: { not: null } } }));
    expect(link.state).toBe("open");
    const issues = gh.repos.get("acme/site")!.issues;
    expect(issues.length).toBe(before + 1);
    expect(issues.at(-1)!.title).toContain("xss-reflected");
    // Again: already linked, nothing queued or filed.
    expect(await applyAutomationPolicies({ scanId: scan.id }, db.prisma)).toMatchObject({ applied: 0, synced: 0 });
    expect(await db.prisma.integrationLink.count({ where: { integrationId: integration.id } })).toBe(1);
  });

  it("gates store their verdict on the scan, counting only findings still open", async () => {
    const t = await seedTenant(db.prisma);
    const { scan, findings } = await seedScanWithFindings(t, [{ rule: "x-frame", severity: "high" }]);
    await createPolicy(t.actor, { name: "No high", kind: "gate", rules: { max_severity: "medium", min_score: { security: 80 } } }, db.prisma);
    expect(await evaluateScanGates({ scanId: scan.id }, db.prisma)).toEqual({ evaluated: 1, failed: 1 });
    const stored = (await db.prisma.scan.findUniqueOrThrow({ where: { id: scan.id } })).gateResult as { passed: boolean; reasons: string[] }[];
    expect(stored[0].passed).toBe(false);
    expect(stored[0].reasons.join(" ")).toMatch(/1 finding above the allowed severity medium.*security score 72 is below the minimum 80/);
    await updateFinding(t.actor, { findingId: findings[0].id, patch: { status: "accepted_risk", justification: "compensating control" } }, db.prisma);
    await evaluateScanGates({ scanId: scan.id }, db.prisma);
    const again = (await db.prisma.scan.findUniqueOrThrow({ where: { id: scan.id } })).gateResult as { reasons: string[] }[];
    expect(again[0].reasons).toEqual(["security score 72 is below the minimum 80"]);
  });
});

describe("alerts", () => {
  it("a signed webhook is retried after a 500 and delivered on the 200, every try logged; the signature verifies", async () => {
    const t = await seedTenant(db.prisma);
    const { channel, secret } = await createAlertChannel(t.actor, { name: "Hook", kind: "webhook", url: receiver.url, triggers: ["scan.finished"] }, db.prisma);
    expect(secret).toMatch(/^whsec_/);
    expect(channel.secretEncrypted).not.toContain(secret!);
    const before = receiver.received.length;
    receiver.answers.push(500);
    const delivery = await sendTestAlert(t.actor, { channelId: channel.id }, db.prisma);
    await receiver.waitFor(before + 2);
    const done = await waitUntil(async () => {
      const d = await db.prisma.alertDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      return d.status === "delivered" ? d : null;
    });
    expect(done.attempts).toBe(2);
    expect(done.responseCode).toBe(200);
    expect((done.attemptLog as { status: number }[]).map((a) => a.status)).toEqual([500, 200]);
    const [first, second] = receiver.received.slice(before);
    expect(second.body).toBe(first.body);
    expect(second.event).toBe("test");
    expect(verifyWebhookSignature(secret!, second.body, second.signature)).toBe(true);
    expect(verifyWebhookSignature("whsec_wrong", second.body, second.signature)).toBe(false);
    expect(verifyWebhookSignature(secret!, `${second.body} `, second.signature)).toBe(false);
    expect(JSON.parse(second.body)).toMatchObject({ type: "test", organization_id: t.orgId });

    // Rolled: the next delivery is signed with the new secret only.
    const rolled = await rollAlertChannelSecret(t.actor, { channelId: channel.id }, db.prisma);
    const n = receiver.received.length;
    await sendTestAlert(t.actor, { channelId: channel.id }, db.prisma);
    await receiver.waitFor(n + 1);
    const third = receiver.received[n];
    expect(verifyWebhookSignature(rolled.secret, third.body, third.signature)).toBe(true);
    expect(verifyWebhookSignature(secret!, third.body, third.signature)).toBe(false);
  }, 120_000);

  it("refuses private URLs that are not allow-listed", async () => {
    const t = await seedTenant(db.prisma);
    await expect(createAlertChannel(t.actor, { name: "Meta", kind: "webhook", url: "http://169.254.169.254/latest", triggers: ["scan.finished"] }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createAlertChannel(t.actor, { name: "Local", kind: "slack", url: "http://127.0.0.1:9/x", triggers: ["scan.finished"] }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
  });

  it("a settled scan runs policies, gates and alerts once; the alert reaches the webhook and the SMTP server; latency is printed", async () => {
    const t = await seedTenant(db.prisma);
    const { channel, secret } = await createAlertChannel(t.actor, { name: "CI", kind: "webhook", url: receiver.url, triggers: ["scan.finished", "finding.new_high", "grade.dropped"] }, db.prisma);
    await createAlertChannel(t.actor, { name: "Ops mail", kind: "email", email: "ops@example.test", triggers: ["finding.new_high"], minSeverity: "high" }, db.prisma);
    await createPolicy(t.actor, { name: "Gate", kind: "gate", rules: { max_severity: "medium" } }, db.prisma);
    // A previous scan graded B: this one (C) is a drop.
    await db.prisma.scan.create({ data: { organizationId: t.orgId, domainId: t.domainId, status: "succeeded", pillars: ["security"], grade: "B", score: 85, createdAt: new Date(Date.now() - 3_600_000) } });
    const { scan } = await seedScanWithFindings(t, [{ rule: "mixed-content", severity: "high" }]);
    const before = receiver.received.length;
    const settledAt = Date.now();
    await db.prisma.$transaction((tx) => enqueueJob(tx, { event: "plumb/scan.settled", data: { scanId: scan.id, organizationId: t.orgId }, key: `scan-settled:${scan.id}` }));
    await flushOutbox();
    await receiver.waitFor(before + 3);
    const got = receiver.received.slice(before);
    const finished = got.find((r) => r.event === "scan.finished")!;
    console.log(`[alert latency] scan settled → webhook received: ${finished.at - settledAt} ms (embedded engine, PGlite)`);
    expect(verifyWebhookSignature(secret!, finished.body, finished.signature)).toBe(true);
    const payload = JSON.parse(finished.body) as { data: { gates: { passed: boolean }[]; grade: string; summary: unknown } };
    expect(payload.data.grade).toBe("C");
    expect(payload.data.gates[0].passed).toBe(false);
    expect(got.map((r) => r.event).sort()).toEqual(["finding.new_high", "grade.dropped", "scan.finished"]);
    const mail = await smtp.waitFor((m) => recipient(m) === "ops@example.test");
    expect(mail.subject).toMatch(/New critical or high finding/);
    expect(mail.text).toContain("Problem mixed-content");

    // The same event again: no second delivery to any channel.
    await db.prisma.jobOutbox.update({ where: { key: `scan-settled:${scan.id}` }, data: { key: `scan-settled:${scan.id}:again` } });
    await db.prisma.$transaction((tx) => enqueueJob(tx, { event: "plumb/scan.settled", data: { scanId: scan.id, organizationId: t.orgId }, key: `scan-settled-replay:${scan.id}` }));
    await flushOutbox();
    await waitUntil(async () => (await db.prisma.jobRun.count({ where: { functionId: { endsWith: "scan-settled" }, status: "completed" } })) >= 2);
    expect(await db.prisma.alertDelivery.count({ where: { channelId: channel.id } })).toBe(3);
  }, 120_000);

  it("verification lost alerts the subscribed channel once", async () => {
    const t = await seedTenant(db.prisma);
    const { channel } = await createAlertChannel(t.actor, { name: "Lost", kind: "webhook", url: receiver.url, triggers: ["verification.lost"] }, db.prisma);
    const before = receiver.received.length;
    await markVerificationLost({ orgId: t.orgId, domainId: t.domainId, reason: "the meta tag is gone" }, db.prisma);
    expect(await markVerificationLost({ orgId: t.orgId, domainId: t.domainId, reason: "again" }, db.prisma)).toBeNull();
    await receiver.waitFor(before + 1);
    expect(receiver.received[before].event).toBe("verification.lost");
    expect(JSON.parse(receiver.received[before].body).data.reason).toBe("the meta tag is gone");
    expect(await db.prisma.alertDelivery.count({ where: { channelId: channel.id } })).toBe(1);
  }, 60_000);

  it("the TLS check reads a local certificate expiring in 3 days and alerts channels with a 14-day threshold once, not those with 2 days", async () => {
    const t = await seedTenant(db.prisma, { host: `127.0.0.1:${tlsPort}` });
    const { channel } = await createAlertChannel(t.actor, { name: "TLS", kind: "webhook", url: receiver.url, triggers: ["tls.expiring"], tlsExpiryDays: 14 }, db.prisma);
    const { channel: late } = await createAlertChannel(t.actor, { name: "TLS late", kind: "webhook", url: receiver.url, triggers: ["tls.expiring"], tlsExpiryDays: 2 }, db.prisma);
    const before = receiver.received.length;
    const r = await checkTlsExpiry({}, db.prisma);
    expect(r.alerts).toBeGreaterThanOrEqual(1);
    await receiver.waitFor(before + 1);
    const body = JSON.parse(receiver.received[before].body) as { type: string; data: { days_left: number; host: string } };
    expect(body).toMatchObject({ type: "tls.expiring", data: { host: `127.0.0.1:${tlsPort}` } });
    expect(body.data.days_left).toBe(3);
    expect(await db.prisma.alertDelivery.count({ where: { channelId: late.id } })).toBe(0);
    // Tomorrow's run: same certificate, no second alert.
    await checkTlsExpiry({}, db.prisma);
    expect(await db.prisma.alertDelivery.count({ where: { channelId: channel.id } })).toBe(1);
  }, 60_000);
});
