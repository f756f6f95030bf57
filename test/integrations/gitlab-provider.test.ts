// The GitLab provider with the real gitbeaker resources against the local GitLab (test/support/providers/
// gitlab-server.ts), through the framework's guarded fetch: shapes, offset/Link pagination, every documented
// failure, Retry-After, the SSRF guard on a self-managed host, and the X-Gitlab-Token webhook check.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { ProviderError, type Credential, type ProviderContext } from "@/lib/integrations/provider";
import { gitlabConfigSchema, type GitlabConfig } from "@/lib/integrations/providers/gitlab/gitlab-config";
import { gitlabHost, gitlabProvider } from "@/lib/integrations/providers/gitlab/gitlab-provider";
import { startFakeGitlab, type FakeGitlab } from "@/test/support/providers/gitlab-server";
import { testProviderContext } from "@/test/support/providers/provider-context";

let gl: FakeGitlab;
const TOKEN = "glpat-localtesttoken0000000000";
const PROJECT = "acme/web/site";

function ctx(config: Partial<GitlabConfig> = { project: PROJECT }, credential: Credential = { type: "token", token: TOKEN }, base?: string): ProviderContext<GitlabConfig> {
  return testProviderContext({ apiBaseUrl: base ?? gl.apiBaseUrl, credential, config: gitlabConfigSchema.parse(config) });
}

const draft = { title: "[Plumb] Missing HSTS", body: "body with `code`", labels: ["plumb:security", "severity:high"], assignees: [] as string[] };

async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

beforeAll(async () => {
  gl = await startFakeGitlab();
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = gl.host;
  resetEnv();
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  await gl.close();
});
beforeEach(() => {
  gl.projects.clear();
  gl.addProject(PROJECT);
  gl.addUser("gl-dev");
  gl.addToken(TOKEN, "gl-owner");
});

describe("GitLab provider (real gitbeaker, local GitLab)", () => {
  it("derives the instance root of a self-managed API base URL", () => {
    expect(gitlabHost("https://gitlab.com/api/v4")).toBe("https://gitlab.com");
    expect(gitlabHost("https://git.example.org/gitlab/api/v4/")).toBe("https://git.example.org/gitlab");
    expect(gitlabProvider.oauth!.webBaseUrl("https://git.example.org/api/v4")).toBe("https://git.example.org");
  });

  it("tests the connection: the user, the project by its full path, and the role needed to file issues", async () => {
    await expect(gitlabProvider.testConnection(ctx())).resolves.toEqual({ account: "gl-owner", target: PROJECT });
    expect(gl.calls).toContain(`GET /api/v4/projects/${encodeURIComponent(PROJECT)}`);
    expect(gl.headers.at(-1)!["private-token"]).toBe(TOKEN);
    gl.addProject("acme/guest", { accessLevel: 10 });
    expect((await providerError(gitlabProvider.testConnection(ctx({ project: "acme/guest" })))).kind).toBe("forbidden");
    gl.addProject("acme/old", { archived: true });
    expect((await providerError(gitlabProvider.testConnection(ctx({ project: "acme/old" })))).message).toMatch(/archived/);
    const e404 = await providerError(gitlabProvider.testConnection(ctx({ project: "acme/none" })));
    expect(e404.kind).toBe("not_found");
    expect(e404.message).toMatch(/404 Project Not Found/);
  });

  it("sends an OAuth token as a bearer token", async () => {
    gl.addToken("oauth-access-token-1234", "gl-owner");
    await expect(gitlabProvider.testConnection(ctx({}, { type: "oauth", accessToken: "oauth-access-token-1234" }))).resolves.toEqual({ account: "gl-owner" });
    expect(gl.headers.at(-1)!.authorization).toBe("Bearer oauth-access-token-1234");
    expect(gl.headers.at(-1)!["private-token"]).toBeUndefined();
  });

  it("creates with labels and a mapped assignee, updates, closes with a note, reopens and reads an issue", async () => {
    const c = ctx();
    const created = await gitlabProvider.createIssue(c, { ...draft, assignees: ["gl-dev"] });
    expect(created).toMatchObject({ externalId: "1", state: "open", url: `${gl.origin}/${PROJECT}/-/issues/1` });
    expect(gl.issue(PROJECT, 1)).toMatchObject({ title: draft.title, description: draft.body, labels: draft.labels, assignees: ["gl-dev"] });
    await gitlabProvider.updateIssue(c, "1", { ...draft, title: "[Plumb] Missing HSTS (3 pages)" });
    // No mapped assignee on update: whoever GitLab has assigned stays.
    expect(gl.issue(PROJECT, 1)).toMatchObject({ title: "[Plumb] Missing HSTS (3 pages)", assignees: ["gl-dev"] });
    // The username was resolved once for this context.
    expect(gl.calls.filter((l) => l.startsWith("GET /api/v4/users?"))).toHaveLength(1);
    const closed = await gitlabProvider.closeIssue(c, "1", "Fixed: the last scan no longer sees it.");
    expect(closed.state).toBe("closed");
    expect(gl.issue(PROJECT, 1)?.notes).toEqual(["Fixed: the last scan no longer sees it."]);
    expect(gl.calls).toContain(`PUT /api/v4/projects/${encodeURIComponent(PROJECT)}/issues/1`);
    const reopened = await gitlabProvider.reopenIssue(c, "1", "Still there.");
    expect(reopened.state).toBe("open");
    expect((await gitlabProvider.getIssueState(c, "1")).state).toBe("open");
    expect(gl.issue(PROJECT, 1)?.notes.at(-1)).toBe("Still there.");
  });

  it("refuses an unknown assignee as a validation error (the sync then files the issue without it)", async () => {
    const e = await providerError(gitlabProvider.createIssue(ctx(), { ...draft, assignees: ["stranger"] }));
    expect(e.kind).toBe("validation");
    expect(e.message).toMatch(/stranger/);
  });

  it("lists issues updated since a date across Link-header pages", async () => {
    const c = ctx();
    for (let i = 0; i < 230; i++) await gitlabProvider.createIssue(c, { ...draft, title: `t${i}` });
    const before = gl.calls.length;
    const all = await gitlabProvider.listIssuesUpdatedSince!(c, new Date(0));
    expect(all).toHaveLength(230);
    expect(new Set(all.map((i) => i.externalId)).size).toBe(230);
    const pages = gl.calls.slice(before).filter((l) => l.startsWith(`GET /api/v4/projects/${encodeURIComponent(PROJECT)}/issues?`));
    expect(pages).toHaveLength(3);
    expect(pages[0]).toMatch(/updated_after=1970-01-01/);
    expect(pages[0]).toMatch(/scope=all/);
    const later = await gitlabProvider.listIssuesUpdatedSince!(c, all[200]!.updatedAt);
    expect(later.length).toBeLessThan(40);
  });

  it("turns GitLab's documented failures into ProviderErrors with plain messages", async () => {
    const c = ctx();
    gl.revoke(TOKEN);
    const e401 = await providerError(gitlabProvider.createIssue(c, draft));
    expect(e401.kind).toBe("unauthorized");
    expect(e401.message).toMatch(/revoked/);
    expect(e401.message).not.toContain(TOKEN);
    expect(e401.retryable).toBe(false);
    gl.addToken(TOKEN, "gl-owner");

    gl.projects.get(PROJECT)!.accessLevel = 10;
    expect((await providerError(gitlabProvider.createIssue(c, draft))).kind).toBe("forbidden");
    gl.projects.get(PROJECT)!.accessLevel = 30;

    const e400 = await providerError(gitlabProvider.createIssue(c, { ...draft, title: " " }));
    expect(e400.kind).toBe("validation");
    expect(e400.message).toMatch(/title can't be blank/);

    gl.failNext({ status: 422, body: { message: "Unprocessable" } });
    expect((await providerError(gitlabProvider.createIssue(c, draft))).kind).toBe("validation");

    expect((await providerError(gitlabProvider.getIssueState(c, "99"))).kind).toBe("not_found");
    expect((await providerError(gitlabProvider.getIssueState(c, "abc"))).kind).toBe("validation");

    gl.failNext({ status: 502, body: { message: "502 Bad Gateway" } });
    const e5 = await providerError(gitlabProvider.createIssue(c, draft));
    expect(e5.kind).toBe("server");
    expect(e5.retryable).toBe(true);

    gl.failNext({ status: 200, body: { iid: "not an issue" }, match: /^POST / });
    expect((await providerError(gitlabProvider.createIssue(c, draft))).kind).toBe("invalid_response");
  });

  it("waits out a 429 with Retry-After, then succeeds; a long one comes back as a retryable error", async () => {
    const c = ctx();
    gl.failNext({ status: 429, headers: { "retry-after": "1" } });
    await expect(gitlabProvider.createIssue(c, draft)).resolves.toMatchObject({ externalId: "1" });
    expect(c.stats).toMatchObject({ rateLimitWaits: 1, calls: 2 });

    gl.failNext({ status: 429, headers: { "retry-after": "3600" } });
    const e = await providerError(gitlabProvider.createIssue(ctx(), draft));
    expect(e).toMatchObject({ kind: "rate_limited", details: { retryAfterMs: 3_600_000 } });
    expect(e.retryable).toBe(true);
  });

  it("refuses a self-managed host on a private address that is not allowlisted", async () => {
    const other = await startFakeGitlab();
    try {
      other.addToken(TOKEN, "x");
      const e = await providerError(gitlabProvider.testConnection(ctx({}, { type: "token", token: TOKEN }, other.apiBaseUrl)));
      expect(e.kind).toBe("network");
      expect(e.message).toMatch(/private address/);
      expect(other.calls).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it("checks X-Gitlab-Token in constant time and parses Issue Hook payloads", async () => {
    await gitlabProvider.createIssue(ctx(), draft);
    const payload = gl.setState(PROJECT, 1, "closed");
    const rawBody = JSON.stringify(payload);
    const secret = "hook-secret-0123456789";
    const headers = { "x-gitlab-token": secret, "x-gitlab-event": "Issue Hook", "x-gitlab-event-uuid": "ev-1", "idempotency-key": "idem-1" };
    expect(gitlabProvider.verifyWebhook!({ headers, rawBody, secret })).toBe(true);
    expect(gitlabProvider.verifyWebhook!({ headers: { ...headers, "x-gitlab-token": `${secret}x` }, rawBody, secret })).toBe(false);
    expect(gitlabProvider.verifyWebhook!({ headers: { "x-gitlab-event": "Issue Hook" }, rawBody, secret })).toBe(false);
    expect(gitlabProvider.verifyWebhook!({ headers, rawBody, secret: "" })).toBe(false);
    const ev = gitlabProvider.parseWebhook!({ headers, rawBody, secret });
    expect(ev).toMatchObject({ deliveryId: "idem-1", kind: "issue", target: PROJECT, issue: { externalId: "1", state: "closed", url: `${gl.origin}/${PROJECT}/-/issues/1` } });
    // "2026-12-02 10:00:00 UTC" is the payload's own format; it orders against the API's ISO timestamps.
    expect(ev.issue!.updatedAt.getTime()).toBe((await gitlabProvider.getIssueState(ctx(), "1")).updatedAt.getTime());
    expect(gitlabProvider.parseWebhook!({ headers: { ...headers, "idempotency-key": "" }, rawBody, secret }).deliveryId).toBe("ev-1");
    expect(gitlabProvider.parseWebhook!({ headers: { ...headers, "x-gitlab-event": "Push Hook" }, rawBody: "{}", secret }).kind).toBe("ignored");
    expect(() => gitlabProvider.parseWebhook!({ headers: { "x-gitlab-event": "Issue Hook" }, rawBody, secret })).toThrow(ProviderError);
    expect(() => gitlabProvider.parseWebhook!({ headers, rawBody: "not json", secret })).toThrow(ProviderError);
  });
});
