// /api/v1/policies, /api/v1/alert-channels and /api/v1/audit-events over real HTTP against the real server:
// validation (422), scopes (403), tenant isolation (another organization's id → 404), the simulation that
// changes nothing, a test alert reaching a local receiver, and the audit log with its filters, paging and CSV.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer, SERVER_START_TIMEOUT } from "@/test/support/server";
import { apiClient, expectError } from "./api-client";
import { verifyWebhookSignature } from "@/lib/services/alerts/sign-webhook";

interface Seed {
  a: SeededOrg;
  b: SeededOrg;
  domainsRead: string;
  policiesRead: string;
  alertsRead: string;
  findingIds: string[];
  domainId: string;
}

describe("policies, alert channels and the audit log over HTTP", () => {
  let server: TestServer<Seed>;
  const received: { body: string; signature: string }[] = [];
  let receiver: http.Server;
  let hookUrl: string;

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["plumb-signature"] ?? "") });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const port = (receiver.address() as AddressInfo).port;
    hookUrl = `http://127.0.0.1:${port}/hook`;
    server = await startServer<Seed>({
      env: { PLUMB_PRIVATE_TARGET_ALLOWLIST: `http://127.0.0.1:${port}` },
      seed: async (db) => {
        const a = await seedOrg(db, { name: "Policies A", scopes: "all" });
        const b = await seedOrg(db, { name: "Policies B", scopes: "all" });
        const domain = await db.domain.create({ data: { organizationId: a.orgId, host: "policies-a.example", verifyToken: "t", verifiedAt: new Date() } });
        const findingIds: string[] = [];
        for (const [i, rule] of ["csp-missing", "csp-unsafe-eval", "hsts-missing"].entries()) {
          const f = await db.finding.create({
            data: { organizationId: a.orgId, domainId: domain.id, fingerprint: `fp${i}`, pillar: "security", rule, severity: "medium", title: `T ${rule}`, description: "d", fix: "f", url: "https://policies-a.example/", urls: [] },
          });
          findingIds.push(f.id);
        }
        return {
          a,
          b,
          domainsRead: await seedApiKey(db, a.orgId, "domains:read"),
          policiesRead: await seedApiKey(db, a.orgId, "policies:read"),
          alertsRead: await seedApiKey(db, a.orgId, "alerts:read"),
          findingIds,
          domainId: domain.id,
        };
      },
    });
  }, 2 * SERVER_START_TIMEOUT); // a cold build queues behind other checkouts' builds on this machine
  afterAll(async () => {
    await server?.stop();
    await new Promise<void>((r) => receiver?.close(() => r()));
  });

  it("policies: create, list, get, patch, delete; 422 for bad rules; simulate changes nothing", async () => {
    const a = apiClient(server.baseUrl, server.seeded.a.apiKey);
    const gate = await a("POST", "/api/v1/policies", { json: { kind: "gate", name: "No high", rules: { max_severity: "medium", min_score: 80 } } });
    expect(gate.status).toBe(201);
    expect(gate.body.data).toMatchObject({ kind: "gate", enabled: true, rules: { max_severity: "medium", min_score: 80 } });
    const auto = await a("POST", "/api/v1/policies", {
      json: { kind: "automation", name: "CSP later", rules: { match: { rule: "csp-*" }, actions: [{ type: "accept_risk", justification: "planned", expires_in_days: 30 }] } },
    });
    expect(auto.status).toBe(201);
    expect(auto.body.data.position).toBeGreaterThan(gate.body.data.position);

    expectError(await a("POST", "/api/v1/policies", { json: { kind: "automation", name: "x", rules: { match: {}, actions: [{ type: "mark_false_positive" }] } } }), 422, "invalid_params");
    expectError(await a("POST", "/api/v1/policies", { json: { kind: "gate", name: "x", rules: {} } }), 422, "invalid_params");
    expectError(await a("POST", "/api/v1/policies", { json: { kind: "nope", name: "x", rules: {} } }), 422, "invalid_params");
    const sync = expectError(await a("POST", "/api/v1/policies", { json: { kind: "automation", name: "x", rules: { match: {}, actions: [{ type: "sync_integration", integration_id: "i" }] } } }), 422, "invalid_params");
    expect(sync.message).toMatch(/integration_id: No such integration/);
    const stranger = expectError(await a("POST", "/api/v1/policies", { json: { kind: "automation", name: "x", rules: { match: {}, actions: [{ type: "create_task", assignee_id: "not-a-member" }] } } }), 422, "invalid_params");
    expect(stranger.issues?.[0]?.path).toEqual(["rules", "actions", "0", "assignee_id"]);
    expectError(await a("POST", "/api/v1/policies", { json: { kind: "automation", name: "x", rules: { match: {}, actions: [{ type: "create_task", due_in_days: -1 }] } } }), 422, "invalid_params");
    expectError(await a("PATCH", `/api/v1/policies/${gate.body.data.id}`, { json: { rules: { match: {}, actions: [] } } }), 422, "invalid_params");
    expectError(await a("PATCH", `/api/v1/policies/${gate.body.data.id}`, { json: {} }), 422, "invalid_params");

    const sim = await a("POST", "/api/v1/policies/simulate", { json: { draft: { kind: "automation", rules: { match: { rule: "csp-*" }, actions: [{ type: "set_severity", severity: "low" }] } } } });
    expect(sim.status).toBe(200);
    expect(sim.body.data).toMatchObject({ kind: "automation", matched: 2, counts: { set_severity: 2 } });
    expect(sim.body.data.rows.map((r: { finding_id: string }) => r.finding_id).sort()).toEqual(server.seeded.findingIds.slice(0, 2).sort());
    const f = await a("GET", `/api/v1/findings/${server.seeded.findingIds[0]}`);
    expect(f.body.data.severity).toBe("medium");
    expectError(await a("POST", "/api/v1/policies/simulate", { json: { draft: { kind: "automation", rules: { match: { rule: 5 } } } } }), 422, "invalid_params");
    // Work actions are previewed too: a task per open finding, with its due date; nothing is created.
    const tasksBefore = (await a("GET", "/api/v1/tasks")).body.data.length;
    const tasksSim = await a("POST", "/api/v1/policies/simulate", { json: { draft: { kind: "automation", rules: { match: { rule: "csp-*" }, actions: [{ type: "create_task", due_in_days: 3 }] } } } });
    expect(tasksSim.status).toBe(200);
    expect(tasksSim.body.data.counts).toEqual({ create_task: 2 });
    expect(tasksSim.body.data.rows[0]).toMatchObject({ action: "create_task", to: null, skipped: null });
    expect(Date.parse(tasksSim.body.data.rows[0].due_at)).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect((await a("GET", "/api/v1/tasks")).body.data.length).toBe(tasksBefore);

    const list = await a("GET", "/api/v1/policies");
    expect(list.body.data.map((p: { name: string }) => p.name)).toEqual(["No high", "CSP later"]);
    const patched = await a("PATCH", `/api/v1/policies/${gate.body.data.id}`, { json: { enabled: false, name: "No high (off)" } });
    expect(patched.body.data).toMatchObject({ enabled: false, name: "No high (off)" });
    expect((await a("GET", `/api/v1/policies/${gate.body.data.id}`)).body.data.name).toBe("No high (off)");
    expect((await a("DELETE", `/api/v1/policies/${gate.body.data.id}`)).body.data).toEqual({ id: gate.body.data.id, deleted: true });
    expectError(await a("GET", `/api/v1/policies/${gate.body.data.id}`), 404, "not_found");
  });

  it("policies: scopes and tenant isolation", async () => {
    const a = apiClient(server.baseUrl, server.seeded.a.apiKey);
    const b = apiClient(server.baseUrl, server.seeded.b.apiKey);
    const mine = (await a("POST", "/api/v1/policies", { json: { kind: "gate", name: "Mine", rules: { max_severity: "high" } } })).body.data;
    expectError(await b("GET", `/api/v1/policies/${mine.id}`), 404, "not_found");
    expectError(await b("PATCH", `/api/v1/policies/${mine.id}`, { json: { enabled: false } }), 404, "not_found");
    expectError(await b("DELETE", `/api/v1/policies/${mine.id}`), 404, "not_found");
    expect((await b("GET", "/api/v1/policies")).body.data).toEqual([]);
    expectError(await b("POST", "/api/v1/policies/simulate", { json: { draft: { kind: "gate", rules: { max_severity: "low" }, domain_id: server.seeded.domainId } } }), 422, "invalid_params");

    expectError(await apiClient(server.baseUrl, server.seeded.domainsRead)("GET", "/api/v1/policies"), 403, "forbidden");
    const reader = apiClient(server.baseUrl, server.seeded.policiesRead);
    expect((await reader("GET", "/api/v1/policies")).status).toBe(200);
    expect((await reader("POST", "/api/v1/policies/simulate", { json: { draft: { kind: "gate", rules: { max_severity: "low" } } } })).status).toBe(200);
    expectError(await reader("POST", "/api/v1/policies", { json: { kind: "gate", name: "x", rules: { max_severity: "low" } } }), 403, "forbidden");
    expectError(await reader("DELETE", `/api/v1/policies/${mine.id}`), 403, "forbidden");
  });

  it("alert channels: create (secret once), SSRF refusal, test delivery to a local receiver, deliveries, roll, isolation, scopes", async () => {
    const a = apiClient(server.baseUrl, server.seeded.a.apiKey);
    const b = apiClient(server.baseUrl, server.seeded.b.apiKey);
    const created = await a("POST", "/api/v1/alert-channels", { json: { kind: "webhook", name: "CI hook", url: hookUrl, triggers: ["scan.finished", "scan.failed"], min_severity: "high" } });
    expect(created.status).toBe(201);
    const ch = created.body.data;
    expect(ch.secret).toMatch(/^whsec_/);
    expect(ch).toMatchObject({ kind: "webhook", has_secret: true, url: `${new URL(hookUrl).origin}/…`, triggers: ["scan.finished", "scan.failed"] });
    const listed = await a("GET", "/api/v1/alert-channels");
    expect(listed.text).not.toContain(ch.secret);
    expect(listed.text).not.toContain("/hook");

    expectError(await a("POST", "/api/v1/alert-channels", { json: { kind: "webhook", name: "meta", url: "http://169.254.169.254/", triggers: ["scan.finished"] } }), 422, "invalid_params");
    expectError(await a("POST", "/api/v1/alert-channels", { json: { kind: "webhook", name: "ftp", url: "ftp://example.com/", triggers: ["scan.finished"] } }), 422, "invalid_params");
    expectError(await a("POST", "/api/v1/alert-channels", { json: { kind: "email", name: "mail", triggers: ["scan.finished"] } }), 422, "invalid_params");
    expectError(await a("POST", "/api/v1/alert-channels", { json: { kind: "slack", name: "s", url: "https://hooks.example.com/x", triggers: ["nope"] } }), 422, "invalid_params");
    expectError(await a("POST", "/api/v1/alert-channels", { json: { kind: "webhook", name: "d", url: hookUrl, triggers: ["scan.finished"], domain_ids: ["not-mine"] } }), 422, "invalid_params");

    const test = await a("POST", `/api/v1/alert-channels/${ch.id}/test`);
    expect(test.status).toBe(202);
    const deadline = Date.now() + 60_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(received.length).toBeGreaterThan(0);
    expect(verifyWebhookSignature(ch.secret, received[0].body, received[0].signature)).toBe(true);
    let deliveries = await a("GET", `/api/v1/alert-channels/${ch.id}/deliveries`);
    while (deliveries.body.data[0]?.status !== "delivered" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      deliveries = await a("GET", `/api/v1/alert-channels/${ch.id}/deliveries`);
    }
    expect(deliveries.body.data[0]).toMatchObject({ trigger: "test", status: "delivered", response_code: 204, attempts: 1 });

    const rolled = await a("POST", `/api/v1/alert-channels/${ch.id}/roll-secret`);
    expect(rolled.body.data.secret).toMatch(/^whsec_/);
    expect(rolled.body.data.secret).not.toBe(ch.secret);
    const patched = await a("PATCH", `/api/v1/alert-channels/${ch.id}`, { json: { enabled: false, triggers: ["tls.expiring"], tls_expiry_days: 7 } });
    expect(patched.body.data).toMatchObject({ enabled: false, triggers: ["tls.expiring"], tls_expiry_days: 7 });
    expectError(await a("POST", `/api/v1/alert-channels/${ch.id}/test`), 409, "conflict");
    expectError(await a("PATCH", `/api/v1/alert-channels/${ch.id}`, { json: { url: "http://10.0.0.1/x" } }), 422, "invalid_params");

    for (const [method, path] of [["PATCH", ""], ["DELETE", ""], ["POST", "/test"], ["POST", "/roll-secret"], ["GET", "/deliveries"]] as const) {
      expectError(await b(method, `/api/v1/alert-channels/${ch.id}${path}`, method === "PATCH" ? { json: { name: "x" } } : {}), 404, "not_found");
    }
    const reader = apiClient(server.baseUrl, server.seeded.alertsRead);
    expect((await reader("GET", "/api/v1/alert-channels")).status).toBe(200);
    expect((await reader("GET", `/api/v1/alert-channels/${ch.id}/deliveries`)).status).toBe(200);
    expectError(await reader("POST", `/api/v1/alert-channels/${ch.id}/test`), 403, "forbidden");
    expectError(await reader("POST", "/api/v1/alert-channels", { json: { kind: "webhook", name: "x", url: hookUrl, triggers: ["scan.finished"] } }), 403, "forbidden");
    expectError(await apiClient(server.baseUrl, server.seeded.domainsRead)("GET", "/api/v1/alert-channels"), 403, "forbidden");
    expect((await a("DELETE", `/api/v1/alert-channels/${ch.id}`)).body.data).toEqual({ id: ch.id, deleted: true });
  }, 120_000);

  it("audit events: who, from where, before/after; filters, cursor, scope, other organization; CSV with formulas neutralised", async () => {
    const a = apiClient(server.baseUrl, server.seeded.a.apiKey);
    const p = (await a("POST", "/api/v1/policies", { json: { kind: "gate", name: "=HYPERLINK(\"http://evil\")", rules: { max_severity: "low" } } })).body.data;
    await a("PATCH", `/api/v1/policies/${p.id}`, { json: { enabled: false } });

    const byTarget = await a("GET", `/api/v1/audit-events?target_type=policy&target_id=${p.id}`);
    expect(byTarget.status).toBe(200);
    expect(byTarget.body.data.map((e: { action: string }) => e.action)).toEqual(["policy.update", "policy.create"]);
    const update = byTarget.body.data[0];
    expect(update.actor).toMatchObject({ type: "api_key", id: server.seeded.a.apiKeyId });
    expect(update.ip).toBeTruthy();
    expect(update.before).toMatchObject({ enabled: true });
    expect(update.after).toMatchObject({ enabled: false });

    const page1 = await a("GET", "/api/v1/audit-events?action=policy.&limit=1");
    expect(page1.body.data).toHaveLength(1);
    const page2 = await a("GET", `/api/v1/audit-events?action=policy.&limit=1&cursor=${page1.body.meta.next_cursor}`);
    expect(page2.body.data[0].id).not.toBe(page1.body.data[0].id);
    expect((await a("GET", `/api/v1/audit-events?actor_id=${server.seeded.a.apiKeyId}&action=policy.update`)).body.data.length).toBeGreaterThanOrEqual(1);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await a("GET", `/api/v1/audit-events?from=${encodeURIComponent(future)}`)).body.data).toEqual([]);
    expectError(await a("GET", "/api/v1/audit-events?from=yesterday"), 422, "invalid_params");
    expectError(await a("GET", `/api/v1/audit-events?from=${encodeURIComponent(future)}&to=2020-01-01T00:00:00Z`), 422, "invalid_params");

    const b = apiClient(server.baseUrl, server.seeded.b.apiKey);
    const theirs = await b(`GET`, `/api/v1/audit-events?target_id=${p.id}`);
    expect(theirs.body.data).toEqual([]);
    expectError(await apiClient(server.baseUrl, server.seeded.policiesRead)("GET", "/api/v1/audit-events"), 403, "forbidden");

    const csv = await fetch(`${server.baseUrl}/api/v1/audit-events/export?target_type=policy`, { headers: { Authorization: `Bearer ${server.seeded.a.apiKey}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.startsWith('"time","action","actor_type"')).toBe(true);
    expect(text).toContain("\r\n");
    expect(text).toContain(`"policy.create"`);
    // The name lives inside the JSON of `after`; a cell starting with "=" would be a formula: none does.
    expect(text.split("\r\n").every((line) => !/(^|,)"[=+\-@]/.test(line))).toBe(true);
    expect((await a("GET", "/api/v1/audit-events?action=audit.export")).body.data.length).toBe(1);
  });
});
