// Jira through jira.js against the local Jira server (test/support/providers/jira-server.ts), over the SSRF
// guard: Cloud (REST v3, ADF) and Data Center (REST v2, wiki markup).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { ProviderError, type IssueDraft } from "@/lib/integrations/provider";
import { jiraProvider } from "@/lib/integrations/providers/jira/jira-provider";
import { jiraConfigSchema } from "@/lib/integrations/providers/jira/jira-config";
import { startJiraServer, type JiraServer } from "@/test/support/providers/jira-server";
import { testProviderContext } from "@/test/support/providers/provider-context";

let jira: JiraServer;
const draft: IssueDraft = {
  title: "Content-Security-Policy is missing",
  body: "## Fix\n\nAdd a **CSP** header. See [the finding](https://plumb.example/f/1).\n\n- `/`\n- `/about`\n\n```\nContent-Security-Policy: default-src 'self'\n```",
  labels: ["plumb", "security", "high"],
  assignees: [],
};

beforeAll(async () => {
  jira = await startJiraServer();
  jira.addBasic("bot@example.com", "cloud-token-123");
  jira.addBearer("dc-pat-4567890");
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = jira.host;
  resetEnv();
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  await jira?.close();
});

const cloud = () =>
  testProviderContext({
    apiBaseUrl: jira.origin,
    credential: { type: "token", token: "cloud-token-123", email: "bot@example.com" },
    config: jiraConfigSchema.parse({ projectKey: "WEB" }),
  });
const dc = () =>
  testProviderContext({
    apiBaseUrl: jira.origin,
    credential: { type: "token", token: "dc-pat-4567890" },
    config: jiraConfigSchema.parse({ projectKey: "WEB", edition: "datacenter", assignees: {} }),
  });

describe("Jira Cloud (REST v3)", () => {
  it("connects, creates with an ADF body, updates, closes through a done transition and reopens", async () => {
    expect(await jiraProvider.testConnection(cloud())).toEqual({ account: "Plumb Bot", target: "WEB Website" });
    const created = await jiraProvider.createIssue(cloud(), draft);
    expect(created.state).toBe("open");
    expect(created.url).toMatch(/\/browse\/WEB-\d+$/);
    const stored = jira.issues.get(created.externalId)!;
    expect(stored.apiVersion).toBe("3");
    const adf = stored.description as { type: string; content: { type: string }[] };
    expect(adf.type).toBe("doc");
    expect(adf.content.map((n) => n.type)).toEqual(["heading", "paragraph", "bulletList", "codeBlock"]);
    const createCall = jira.requests.find((r) => r.method === "POST" && r.path === "/rest/api/3/issue")!;
    expect(createCall.headers.authorization).toBe(`Basic ${Buffer.from("bot@example.com:cloud-token-123").toString("base64")}`);

    const updated = await jiraProvider.updateIssue(cloud(), created.externalId, { ...draft, title: "CSP is missing on 2 pages", labels: ["plumb", "needs review"] });
    expect(updated.title).toBe("CSP is missing on 2 pages");
    expect(stored.labels).toEqual(["plumb", "needs-review"]);

    const closed = await jiraProvider.closeIssue(cloud(), created.externalId, "Resolved: the latest scan no longer sees it.");
    expect(closed.state).toBe("closed");
    expect(stored.comments).toHaveLength(1);
    expect(closed.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
    // Closing twice is harmless: no done transition is offered from Done, and the issue is already closed.
    expect((await jiraProvider.closeIssue(cloud(), created.externalId)).state).toBe("closed");

    const reopened = await jiraProvider.reopenIssue(cloud(), created.externalId, "Plumb's latest scan sees it again.");
    expect(reopened.state).toBe("open");
    expect((await jiraProvider.getIssueState(cloud(), created.externalId)).state).toBe("open");
  });

  it("maps the assignee to a Jira accountId and refuses an unknown one as a validation error", async () => {
    const ok = await jiraProvider.createIssue(cloud(), { ...draft, assignees: ["5b10ac8d82e05b22cc7d4ef5"] });
    expect(jira.issues.get(ok.externalId)!.assignee).toBe("5b10ac8d82e05b22cc7d4ef5");
    const err = await jiraProvider.createIssue(cloud(), { ...draft, assignees: ["nobody"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).kind).toBe("validation");
    expect((err as ProviderError).message).toContain("assignee");
  });

  it("reports a revoked token, a missing project, a 5xx and a 429 as provider errors in plain words", async () => {
    jira.addBasic("old@example.com", "revoked-token-1");
    jira.revoke("revoked-token-1");
    const revoked = testProviderContext({ apiBaseUrl: jira.origin, credential: { type: "token", token: "revoked-token-1", email: "old@example.com" }, config: jiraConfigSchema.parse({ projectKey: "WEB" }) });
    const e401 = (await jiraProvider.testConnection(revoked).catch((e: unknown) => e)) as ProviderError;
    expect(e401.kind).toBe("unauthorized");
    expect(e401.message).toMatch(/revoked or has expired/);
    expect(e401.retryable).toBe(false);

    const other = testProviderContext({ ...cloud(), config: jiraConfigSchema.parse({ projectKey: "NOPE" }) });
    expect(((await jiraProvider.testConnection(other).catch((e: unknown) => e)) as ProviderError).kind).toBe("not_found");

    jira.fail({ pathIncludes: "/issue", reply: { status: 503, body: { errorMessages: ["Service Unavailable"], errors: {} } } });
    const e503 = (await jiraProvider.getIssueState(cloud(), "10001").catch((e: unknown) => e)) as ProviderError;
    expect(e503.kind).toBe("server");
    expect(e503.retryable).toBe(true);

    // A short Retry-After is waited out and the call retried; a long one is handed back to the job's retry.
    jira.fail({ pathIncludes: "/issue", reply: { status: 429, headers: { "retry-after": "1" }, body: { errorMessages: ["Rate limit exceeded."], errors: {} } } });
    const c = cloud();
    const before = jira.requests.length;
    expect((await jiraProvider.getIssueState(c, "10001")).externalId).toBe("10001");
    expect(jira.requests.length - before).toBe(2);
    expect(c.stats).toMatchObject({ calls: 2, rateLimitWaits: 1 });
    expect(c.stats.rateLimitWaitMs).toBeGreaterThan(900);
    jira.fail({ pathIncludes: "/issue", reply: { status: 429, headers: { "retry-after": "120" }, body: { errorMessages: ["Rate limit exceeded."], errors: {} } } });
    const e429 = (await jiraProvider.getIssueState(cloud(), "10001").catch((e: unknown) => e)) as ProviderError;
    expect(e429.kind).toBe("rate_limited");
    expect(e429.details.retryAfterMs).toBe(120_000);
    expect(e429.retryable).toBe(true);
  });

  it("refuses a base URL outside the allow-list (SSRF guard)", async () => {
    const ctx = testProviderContext({ ...cloud(), apiBaseUrl: "http://127.0.0.1:9" });
    const err = (await jiraProvider.testConnection(ctx).catch((e: unknown) => e)) as ProviderError;
    expect(err.kind).toBe("network");
  });
});

describe("Jira Data Center (REST v2)", () => {
  it("authenticates with a bearer personal access token and writes wiki markup", async () => {
    expect((await jiraProvider.testConnection(dc())).account).toBe("Plumb Bot");
    const created = await jiraProvider.createIssue(dc(), { ...draft, assignees: ["5b10ac8d82e05b22cc7d4ef5"] });
    const stored = jira.issues.get(created.externalId)!;
    expect(stored.apiVersion).toBe("2");
    expect(stored.description).toContain("h2. Fix");
    expect(stored.description).toContain("[the finding|https://plumb.example/f/1]");
    expect(stored.description).toContain("{noformat}");
    const call = jira.requests.find((r) => r.method === "POST" && r.path === "/rest/api/2/issue")!;
    expect(call.headers.authorization).toBe("Bearer dc-pat-4567890");
    expect((await jiraProvider.closeIssue(dc(), created.externalId)).state).toBe("closed");
  });
});

describe("Jira webhooks", () => {
  it("accepts the right X-Hub-Signature, refuses a wrong or missing one, and parses the issue state", async () => {
    const created = await jiraProvider.createIssue(cloud(), draft);
    jira.setStatus(created.externalId, "done");
    const d = jira.webhook(created.externalId, { secret: "whsec-jira-1", identifier: "delivery-1" });
    expect(jiraProvider.verifyWebhook!({ headers: d.headers, rawBody: d.rawBody, secret: "whsec-jira-1" })).toBe(true);
    expect(jiraProvider.verifyWebhook!({ headers: d.headers, rawBody: d.rawBody, secret: "another-secret" })).toBe(false);
    expect(jiraProvider.verifyWebhook!({ headers: d.headers, rawBody: d.rawBody.replace("Done", "Open"), secret: "whsec-jira-1" })).toBe(false);
    expect(jiraProvider.verifyWebhook!({ headers: { ...d.headers, "x-hub-signature": "" }, rawBody: d.rawBody, secret: "whsec-jira-1" })).toBe(false);
    const ev = jiraProvider.parseWebhook!({ headers: d.headers, rawBody: d.rawBody, secret: "whsec-jira-1" });
    expect(ev).toMatchObject({ deliveryId: "delivery-1", kind: "issue", issue: { externalId: created.externalId, state: "closed" } });
    expect(ev.issue!.url).toBe(`${jira.origin}/browse/${jira.issues.get(created.externalId)!.key}`);
    // Out-of-order deliveries are told apart by the issue's own updated time.
    jira.setStatus(created.externalId, "new");
    const later = jiraProvider.parseWebhook!({ ...jira.webhook(created.externalId, { secret: "s" }), secret: "s" });
    expect(later.issue!.updatedAt.getTime()).toBeGreaterThan(ev.issue!.updatedAt.getTime());
    const other = jiraProvider.parseWebhook!({ headers: {}, rawBody: JSON.stringify({ webhookEvent: "project_created" }), secret: "s" });
    expect(other.kind).toBe("ignored");
    expect(() => jiraProvider.parseWebhook!({ headers: {}, rawBody: "{", secret: "s" })).toThrow(ProviderError);
  });
});
