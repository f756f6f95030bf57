// Tasks, re-checks (verifications), comments, notifications, members, invitations and the organization over
// real HTTP: validation (422), scopes (403), another organization's ids (404), idempotent credit spending,
// notifications on assignment and mention.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dedupe } from "@/lib/scanner/dedupe";
import type { CheckResult } from "@/lib/scanner/types";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import { seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { apiClient, expectError } from "./api-client";

const O = "https://bakery.example";

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
  readKey: string;
  memberId: string;
  memberEmail: string;
  memberMembershipId: string;
  memberKey: string;
}

let server: TestServer<Seeded>;

beforeAll(async () => {
  server = await startServer<Seeded>({
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      const readKey = await seedApiKey(db, a.orgId, ["findings:read", "tasks:read", "members:read"]);
      // A second member of a, to assign and mention.
      const other = await createUserWithOrg({ email: "ada.lovelace@example.test", password: "pw-ada-long-enough-1", orgName: "Ada's own" }, db);
      await db.user.update({ where: { id: other.user.id }, data: { name: "Ada Lovelace" } });
      const m = await db.membership.create({ data: { organizationId: a.orgId, userId: other.user.id, role: "member", status: "active" } });
      const domain = await db.domain.create({ data: { organizationId: a.orgId, host: "bakery.example", verifyToken: "t", verifiedAt: new Date() } });
      await db.creditLedger.create({ data: { organizationId: a.orgId, amount: 100, reason: "grant" } });
      const actor = { orgId: a.orgId, userId: a.userId, apiKeyId: null, requestId: null };
      const { scan } = await db.$transaction((tx) => createScanInTx(tx, actor, { domainId: domain.id, pillars: ["seo"] }));
      await markScanRunning({ scanId: scan.id }, db);
      const base = { severity: "low" as const, description: "d", fix: "f" };
      const pages = [`${O}/`, `${O}/about`];
      const results: CheckResult[] = pages.flatMap((url): CheckResult[] => [
        { ...base, rule: "seo-canonical-missing", pillar: "seo", title: "Page has no canonical URL", url },
        { ...base, rule: "seo-h1-missing", pillar: "seo", title: "Page has no h1 heading", url },
      ]);
      const now = new Date().toISOString();
      await recordScanResults(
        { scanId: scan.id, result: { target: O, started_at: now, finished_at: now, pages: pages.map((url) => ({ url, status: 200 })), scores: {}, score: 90, grade: "A", findings: dedupe(results, O), checks: [], timings: {} } },
        db,
      );
      // Ada's own key: notifications are personal (a key reads its creator's).
      const memberKey = (await createApiKey({ orgId: a.orgId, name: "ada", scopes: "tasks:read,tasks:write", createdById: other.user.id }, db)).rawKey;
      return { a, b, readKey, memberId: other.user.id, memberEmail: other.user.email, memberMembershipId: m.id, memberKey };
    },
  });
}, 1_500_000);
afterAll(async () => {
  await server?.stop();
});

describe("tasks API", { timeout: 120_000 }, () => {
  const a = () => apiClient(server.baseUrl, server.seeded.a.apiKey);
  const b = () => apiClient(server.baseUrl, server.seeded.b.apiKey);
  const read = () => apiClient(server.baseUrl, server.seeded.readKey);
  let findingIds: string[] = [];
  let taskId = "";

  it("creates a task over findings, notifies the assignee, lists and filters it", async () => {
    const list = await a()<{ id: string; resolution: string | null }[]>("GET", "/api/v1/findings?limit=100");
    findingIds = list.body.data.map((f) => f.id);
    expect(findingIds).toHaveLength(2);
    expect(list.body.data.every((f) => f.resolution === null)).toBe(true);
    const r = await a()<{ id: string; status: string; priority: string; finding_ids: string[]; assignee_id: string; overdue: boolean; due_at: string }>("POST", "/api/v1/tasks", {
      json: { title: "Fix the head tags", description: "Add **canonical** <script>alert(1)</script>", finding_ids: findingIds, assignee_id: server.seeded.memberId, due_at: "2020-01-01", priority: "high" },
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ status: "todo", priority: "high", assignee_id: server.seeded.memberId, overdue: true, due_at: "2020-01-01T23:59:59.999Z" });
    expect(r.body.data.finding_ids.sort()).toEqual([...findingIds].sort());
    taskId = r.body.data.id;

    const mine = await a()<{ id: string }[]>("GET", `/api/v1/tasks?assignee_id=${server.seeded.memberId}&due=overdue&status=todo,in_progress`);
    expect(mine.body.data.map((t) => t.id)).toEqual([taskId]);
    expect((await a()<unknown[]>("GET", "/api/v1/tasks?assignee_id=none")).body.data).toHaveLength(0);
    expect((await a()<unknown[]>("GET", `/api/v1/tasks?finding_id=${findingIds[0]}`)).body.data).toHaveLength(1);
    const detail = await read()<{ history: { kind: string }[] }>("GET", `/api/v1/tasks/${taskId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data.history.map((h) => h.kind)).toEqual(["created", "assignee"]);

    const notes = await apiClient(server.baseUrl, server.seeded.memberKey)<{ kind: string; task_id: string }[]>("GET", "/api/v1/notifications");
    // The task is due in 2020: the overdue reminder (a cron of the server's job engine) may already have told Ada too.
    const kinds = notes.body.data.filter((n) => n.kind !== "task_overdue" || n.task_id !== taskId);
    expect(kinds.map((n) => [n.kind, n.task_id])).toEqual([["task_assigned", taskId]]);
  });

  it("validates input (422), checks scopes (403) and isolates organizations (404)", async () => {
    expectError(await a()("POST", "/api/v1/tasks", { json: { title: "", finding_ids: [] } }), 422, "invalid_params");
    expectError(await a()("POST", "/api/v1/tasks", { json: { title: "x", finding_ids: findingIds, priority: "asap" } }), 422, "invalid_params");
    expectError(await a()("POST", "/api/v1/tasks", { json: { title: "x", finding_ids: findingIds, assignee_id: server.seeded.b.userId } }), 422, "invalid_params");
    expectError(await a()("PATCH", `/api/v1/tasks/${taskId}`, { json: {} }), 422, "invalid_params");
    expectError(await read()("POST", "/api/v1/tasks", { json: { title: "x", finding_ids: findingIds } }), 403, "forbidden");
    expectError(await read()("PATCH", `/api/v1/tasks/${taskId}`, { json: { status: "done" } }), 403, "forbidden");
    expectError(await b()("GET", `/api/v1/tasks/${taskId}`), 404, "not_found");
    expectError(await b()("PATCH", `/api/v1/tasks/${taskId}`, { json: { status: "done" } }), 404, "not_found");
    expectError(await b()("DELETE", `/api/v1/tasks/${taskId}`), 404, "not_found");
    expectError(await b()("POST", "/api/v1/tasks", { json: { title: "x", finding_ids: findingIds } }), 404, "not_found");
    expect((await b()<unknown[]>("GET", "/api/v1/tasks")).body.data).toHaveLength(0);
  });

  it("updates with history, pages with a cursor and deletes", async () => {
    const p = await a()<{ status: string; priority: string }>("PATCH", `/api/v1/tasks/${taskId}`, { json: { status: "in_progress", priority: "urgent", due_at: null } });
    expect(p.status).toBe(200);
    expect(p.body.data).toMatchObject({ status: "in_progress", priority: "urgent" });
    const h = await a()<{ history: { kind: string; from: string | null; to: string | null }[] }>("GET", `/api/v1/tasks/${taskId}`);
    expect(h.body.data.history.find((e) => e.kind === "status")).toMatchObject({ from: "todo", to: "in_progress" });
    expect(h.body.data.history.find((e) => e.kind === "due")).toMatchObject({ to: null });

    const extra = await a()<{ id: string }>("POST", "/api/v1/tasks", { json: { title: "Second", finding_ids: [findingIds[0]] } });
    const p1 = await a()<{ id: string }[]>("GET", "/api/v1/tasks?limit=1");
    expect(p1.body.data).toHaveLength(1);
    const p2 = await a()<{ id: string }[]>("GET", `/api/v1/tasks?limit=1&cursor=${encodeURIComponent(p1.body.meta.next_cursor!)}`);
    expect(p2.body.data).toHaveLength(1);
    expect(p2.body.meta.next_cursor).toBeNull();
    expect(new Set([p1.body.data[0].id, p2.body.data[0].id])).toEqual(new Set([taskId, extra.body.data.id]));
    const d = await a()("DELETE", `/api/v1/tasks/${extra.body.data.id}`);
    expect(d.status).toBe(200);
    expectError(await a()("GET", `/api/v1/tasks/${extra.body.data.id}`), 404, "not_found");
  });

  it("moves the task to done when a member resolves every linked finding", async () => {
    for (const id of findingIds) {
      const r = await a()<{ status: string; resolution: string }>("PATCH", `/api/v1/findings/${id}`, { json: { status: "resolved" } });
      expect(r.body.data).toMatchObject({ status: "resolved", resolution: "manual" });
    }
    const t = await a()<{ status: string; history: { kind: string; note: string | null }[] }>("GET", `/api/v1/tasks/${taskId}`);
    expect(t.body.data.status).toBe("done");
    expect(t.body.data.history.at(-1)).toMatchObject({ kind: "auto_done" });
    for (const id of findingIds) await a()("PATCH", `/api/v1/findings/${id}`, { json: { status: "open" } });
  });
});

describe("verifications API", { timeout: 120_000 }, () => {
  const a = () => apiClient(server.baseUrl, server.seeded.a.apiKey);
  it("charges one credit once per Idempotency-Key; validates, scopes and isolates", async () => {
    const list = await a()<{ id: string }[]>("GET", "/api/v1/findings?limit=100");
    const id = list.body.data[0].id;
    const before = (await a()<{ balance: number }>("GET", "/api/v1/credits")).body.data.balance;
    const key = `k-${Date.now()}`;
    const r1 = await a()<{ verification: { id: string; status: string; finding_id: string }; created: boolean; credits_remaining: number }>("POST", "/api/v1/verifications", {
      json: { finding_id: id },
      headers: { "Idempotency-Key": key },
    });
    expect(r1.status).toBe(202);
    expect(r1.body.data).toMatchObject({ created: true, credits_remaining: before - 1, verification: { finding_id: id } });
    const r2 = await a()<{ verification: { id: string } }>("POST", "/api/v1/verifications", { json: { finding_id: id }, headers: { "Idempotency-Key": key } });
    expect(r2.status).toBe(202);
    expect(r2.body.data.verification.id).toBe(r1.body.data.verification.id);
    const credits = await a()<{ ledger: { reason: string; note: string | null }[] }>("GET", "/api/v1/credits?limit=100");
    expect(credits.body.data.ledger.filter((e) => e.reason === "recheck_reserve").map((e) => e.note)).toEqual([`verification:${r1.body.data.verification.id}`]);

    const got = await a()<{ id: string }>("GET", `/api/v1/verifications/${r1.body.data.verification.id}`);
    expect(got.status).toBe(200);
    expect((await a()<{ id: string }[]>("GET", `/api/v1/verifications?finding_id=${id}`)).body.data.map((v) => v.id)).toContain(r1.body.data.verification.id);

    expectError(await a()("POST", "/api/v1/verifications", { json: {} }), 422, "invalid_params");
    expectError(await a()("POST", "/api/v1/verifications", { json: { finding_id: id, extra: 1 } }), 422, "invalid_params");
    expectError(await apiClient(server.baseUrl, server.seeded.readKey)("POST", "/api/v1/verifications", { json: { finding_id: id } }), 403, "forbidden");
    const b = apiClient(server.baseUrl, server.seeded.b.apiKey);
    expectError(await b("POST", "/api/v1/verifications", { json: { finding_id: id } }), 404, "not_found");
    expectError(await b("GET", `/api/v1/verifications/${r1.body.data.verification.id}`), 404, "not_found");
    expect((await b<unknown[]>("GET", "/api/v1/verifications")).body.data).toHaveLength(0);
  });
});

describe("comments and notifications API", { timeout: 120_000 }, () => {
  const a = () => apiClient(server.baseUrl, server.seeded.a.apiKey);
  it("comments on findings and tasks, notifies mentioned members, marks read", async () => {
    const f = (await a()<{ id: string }[]>("GET", "/api/v1/findings?limit=1")).body.data[0].id;
    const c = await a()<{ id: string; mention_ids: string[]; body: string }>("POST", `/api/v1/findings/${f}/comments`, { json: { body: "Looks fixed? @AdaLovelace <b>bold</b>" } });
    expect(c.status).toBe(201);
    expect(c.body.data.mention_ids).toEqual([server.seeded.memberId]);
    const listed = await a()<{ id: string }[]>("GET", `/api/v1/findings/${f}/comments`);
    expect(listed.body.data.map((x) => x.id)).toEqual([c.body.data.id]);
    const m = apiClient(server.baseUrl, server.seeded.memberKey);
    const mentions = await m<{ kind: string; finding_id: string | null; comment_id: string | null }[]>("GET", "/api/v1/notifications");
    expect(mentions.body.data.filter((n) => n.kind === "mention")).toEqual([expect.objectContaining({ finding_id: f, comment_id: c.body.data.id })]);

    const t = await a()<{ id: string }>("POST", "/api/v1/tasks", { json: { title: "Comment target", finding_ids: [f] } });
    const tc = await a()<{ task_id: string }>("POST", `/api/v1/tasks/${t.body.data.id}/comments`, { json: { body: "cc @ada.lovelace@example.test" } });
    expect(tc.status).toBe(201);
    expect(tc.body.data.task_id).toBe(t.body.data.id);
    expectError(await a()("POST", `/api/v1/tasks/${t.body.data.id}/comments`, { json: { body: "" } }), 422, "invalid_params");
    const b = apiClient(server.baseUrl, server.seeded.b.apiKey);
    expectError(await b("GET", `/api/v1/findings/${f}/comments`), 404, "not_found");
    expectError(await b("POST", `/api/v1/tasks/${t.body.data.id}/comments`, { json: { body: "hi" } }), 404, "not_found");
    expectError(await apiClient(server.baseUrl, server.seeded.readKey)("POST", `/api/v1/findings/${f}/comments`, { json: { body: "hi" } }), 403, "forbidden");

    // The owner's key reads the owner's notifications (none: nobody mentioned or assigned them).
    const own = await a()<{ id: string }[]>("GET", "/api/v1/notifications");
    expect(own.status).toBe(200);
    expect(own.body.data).toHaveLength(0);
    const mine = await m<{ id: string; kind: string; read: boolean }[]>("GET", "/api/v1/notifications?unread=true");
    // (task_overdue: the reminder cron may have run for the overdue task of the tasks API block.)
    expect(mine.body.data.map((n) => n.kind).filter((k) => k !== "task_overdue").sort()).toEqual(["mention", "mention", "task_assigned"]);
    expectError(await m("POST", "/api/v1/notifications/read", { json: {} }), 422, "invalid_params");
    expectError(await a()("POST", "/api/v1/notifications/read", { json: { ids: [mine.body.data[0].id] } }), 404, "not_found");
    const r = await m<{ updated: number; unread: number }>("POST", "/api/v1/notifications/read", { json: { ids: [mine.body.data[0].id] } });
    const unread = mine.body.data.length - 1;
    expect(r.body.data).toEqual({ updated: 1, unread });
    expect((await m<{ updated: number; unread: number }>("POST", "/api/v1/notifications/read", { json: { all: true } })).body.data).toEqual({ updated: unread, unread: 0 });
  });
});

describe("members, invitations and organization API", { timeout: 120_000 }, () => {
  const a = () => apiClient(server.baseUrl, server.seeded.a.apiKey);
  it("lists members, changes a role, invites, withdraws, renames — with scopes and isolation", async () => {
    const members = await a()<{ id: string; user_id: string; role: string }[]>("GET", "/api/v1/members");
    expect(members.body.data.map((m) => m.role).sort()).toEqual(["member", "owner"]);
    const ada = members.body.data.find((m) => m.user_id === server.seeded.memberId)!;
    const p = await a()<{ role: string }>("PATCH", `/api/v1/members/${ada.id}`, { json: { role: "viewer" } });
    expect(p.body.data.role).toBe("viewer");
    expectError(await a()("PATCH", `/api/v1/members/${ada.id}`, { json: { role: "boss" } }), 422, "invalid_params");
    const owner = members.body.data.find((m) => m.role === "owner")!;
    expectError(await a()("PATCH", `/api/v1/members/${owner.id}`, { json: { role: "member" } }), 403, "forbidden"); // a key acts as an admin
    expectError(await apiClient(server.baseUrl, server.seeded.readKey)("PATCH", `/api/v1/members/${ada.id}`, { json: { role: "member" } }), 403, "forbidden");
    const b = apiClient(server.baseUrl, server.seeded.b.apiKey);
    expectError(await b("PATCH", `/api/v1/members/${ada.id}`, { json: { role: "member" } }), 404, "not_found");
    expectError(await b("DELETE", `/api/v1/members/${ada.id}`), 404, "not_found");

    const inv = await a()<{ id: string; email: string; role: string; expires_at: string }>("POST", "/api/v1/invitations", { json: { email: "New.Person@Example.test", role: "member" } });
    expect(inv.status).toBe(201);
    expect(inv.body.data).toMatchObject({ email: "new.person@example.test", role: "member" });
    expectError(await a()("POST", "/api/v1/invitations", { json: { email: "new.person@example.test", role: "member" } }), 409, "conflict");
    expectError(await a()("POST", "/api/v1/invitations", { json: { email: "not-an-address", role: "member" } }), 422, "invalid_params");
    expect((await a()<{ id: string }[]>("GET", "/api/v1/invitations")).body.data.map((i) => i.id)).toEqual([inv.body.data.id]);
    expectError(await b("DELETE", `/api/v1/invitations/${inv.body.data.id}`), 404, "not_found");
    expectError(await a()("DELETE", `/api/v1/invitations/${ada.id}`), 404, "not_found"); // a member is not an invitation
    expect((await a()("DELETE", `/api/v1/invitations/${inv.body.data.id}`)).status).toBe(200);
    expect((await a()<unknown[]>("GET", "/api/v1/invitations")).body.data).toHaveLength(0);

    expect((await a()("DELETE", `/api/v1/members/${ada.id}`)).status).toBe(200);
    expect((await a()<unknown[]>("GET", "/api/v1/members")).body.data).toHaveLength(1);

    const org = await a()<{ id: string; name: string; slug: string }>("GET", "/api/v1/organization");
    expect(org.body.data.id).toBe(server.seeded.a.orgId);
    const renamed = await a()<{ name: string; slug: string }>("PATCH", "/api/v1/organization", { json: { name: "Renamed Bakery" } });
    expect(renamed.body.data).toMatchObject({ name: "Renamed Bakery", slug: org.body.data.slug });
    expectError(await a()("PATCH", "/api/v1/organization", { json: { name: "" } }), 422, "invalid_params");
    expectError(await apiClient(server.baseUrl, server.seeded.readKey)("PATCH", "/api/v1/organization", { json: { name: "x" } }), 403, "forbidden");
    expect((await b<{ id: string }>("GET", "/api/v1/organization")).body.data.id).toBe(server.seeded.b.orgId);
  });
});
