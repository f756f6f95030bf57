// The GitHub provider with the real @octokit/rest against the local GitHub (test/support/providers/github.ts),
// through the framework's guarded fetch: shapes, Link pagination, every documented failure, Retry-After, the
// SSRF guard on a self-hosted base URL, and webhook signatures.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { outboundFetch } from "@/lib/integrations/outbound-fetch";
import { ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { githubProvider, type GithubConfig } from "@/lib/integrations/providers/github";
import { githubConfigSchema } from "@/lib/integrations/providers/github/config";
import { startFakeGithub, type FakeGithub } from "@/test/support/providers/github";

let gh: FakeGithub;
const TOKEN = "ghp_localtesttoken000000000000000000000";

function ctx(config: Partial<GithubConfig> = { repository: "acme/site" }, token = TOKEN, base?: string): ProviderContext<GithubConfig> {
  const stats = { calls: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 };
  return { apiBaseUrl: base ?? gh.apiBaseUrl, credential: { type: "token", token }, config: githubConfigSchema.parse(config), fetch: outboundFetch({ stats }), stats };
}

const draft = { title: "[Plumb] Missing HSTS", body: "body", labels: ["plumb:security", "severity:high"], assignees: [] as string[] };

async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

beforeAll(async () => {
  gh = await startFakeGithub();
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = gh.host;
  resetEnv();
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  await gh.close();
});
beforeEach(() => {
  gh.repos.clear();
  gh.addRepo("acme/site", { collaborators: ["octo-dev"] });
  gh.addToken(TOKEN, "octo-owner");
});

describe("GitHub provider (real octokit, local GitHub)", () => {
  it("tests the connection: who the token is and that it can write issues in the repository", async () => {
    await expect(githubProvider.testConnection(ctx())).resolves.toEqual({ account: "octo-owner", target: "acme/site" });
    gh.addRepo("acme/readonly", { push: false });
    const e = await providerError(githubProvider.testConnection(ctx({ repository: "acme/readonly" })));
    expect(e.kind).toBe("forbidden");
    expect((await providerError(githubProvider.testConnection(ctx({ repository: "acme/none" })))).kind).toBe("not_found");
  });

  it("creates, updates, closes with a comment, reopens and reads an issue", async () => {
    const c = ctx();
    const created = await githubProvider.createIssue(c, { ...draft, assignees: ["octo-dev"] });
    expect(created).toMatchObject({ externalId: "1", state: "open", url: `${gh.origin}/acme/site/issues/1` });
    expect(gh.issue("acme/site", 1)).toMatchObject({ title: draft.title, labels: draft.labels, assignees: ["octo-dev"] });
    await githubProvider.updateIssue(c, "1", { ...draft, title: "[Plumb] Missing HSTS (3 pages)" });
    expect(gh.issue("acme/site", 1)?.title).toBe("[Plumb] Missing HSTS (3 pages)");
    const closed = await githubProvider.closeIssue(c, "1", "Fixed: the last scan no longer sees it.");
    expect(closed.state).toBe("closed");
    expect(gh.issue("acme/site", 1)?.comments).toEqual(["Fixed: the last scan no longer sees it."]);
    const reopened = await githubProvider.reopenIssue(c, "1", "Still there.");
    expect(reopened.state).toBe("open");
    expect((await githubProvider.getIssueState(c, "1")).state).toBe("open");
    expect(gh.calls.some((l) => l.startsWith("PATCH /api/v3/repos/acme/site/issues/1"))).toBe(true);
  });

  it("lists issues updated since a date across Link-header pages, without pull requests", async () => {
    const c = ctx();
    for (let i = 0; i < 230; i++) await githubProvider.createIssue(c, { ...draft, title: `t${i}` });
    gh.repos.get("acme/site")!.issues[5]!.pull_request = { url: "x" };
    const calls = gh.calls.length;
    const all = await githubProvider.listIssuesUpdatedSince!(c, new Date(0));
    expect(all).toHaveLength(229);
    expect(gh.calls.slice(calls).filter((l) => l.startsWith("GET /api/v3/repos/acme/site/issues?"))).toHaveLength(3);
  });

  it("turns documented failures into ProviderErrors with plain messages", async () => {
    const c = ctx();
    gh.revoke(TOKEN);
    const e401 = await providerError(githubProvider.createIssue(c, draft));
    expect(e401.kind).toBe("unauthorized");
    expect(e401.message).toMatch(/revoked or expired/);
    expect(e401.retryable).toBe(false);
    gh.addToken(TOKEN, "octo-owner");

    gh.failNext({ status: 403, body: { message: "Resource not accessible by personal access token", documentation_url: "x", status: "403" } });
    expect((await providerError(githubProvider.createIssue(c, draft))).kind).toBe("forbidden");

    const e422 = await providerError(githubProvider.createIssue(c, { ...draft, assignees: ["stranger"] }));
    expect(e422.kind).toBe("validation");
    expect(e422.message).toMatch(/assignees/);

    expect((await providerError(githubProvider.getIssueState(c, "99"))).kind).toBe("not_found");

    gh.failNext({ status: 502 });
    const e5 = await providerError(githubProvider.createIssue(c, draft));
    expect(e5.kind).toBe("server");
    expect(e5.retryable).toBe(true);
  });

  it("waits out a 429 Retry-After and a 403 with X-RateLimit-Remaining: 0, then succeeds", async () => {
    const c = ctx();
    gh.failNext({ status: 429, headers: { "retry-after": "1" }, body: { message: "You have exceeded a secondary rate limit.", documentation_url: "x" } });
    const reset = Math.floor(Date.now() / 1000) + 3;
    gh.failNext({ status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) }, body: { message: "API rate limit exceeded for user ID 42.", documentation_url: "x" } });
    const created = await githubProvider.createIssue(c, draft);
    expect(created.externalId).toBe("1");
    expect(c.stats.rateLimitWaits).toBe(2);
    expect(c.stats.calls).toBe(3);
  });

  it("hands a long Retry-After back as a retryable rate_limited error instead of sleeping", async () => {
    gh.failNext({ status: 429, headers: { "retry-after": "3600" } });
    const e = await providerError(githubProvider.createIssue(ctx(), draft));
    expect(e.kind).toBe("rate_limited");
    expect(e.details.retryAfterMs).toBe(3_600_000);
    expect(e.retryable).toBe(true);
  });

  it("refuses a self-hosted base URL on a private address that is not allowlisted", async () => {
    const other = await startFakeGithub();
    try {
      other.addToken(TOKEN, "x");
      const e = await providerError(githubProvider.testConnection(ctx({}, TOKEN, other.apiBaseUrl)));
      expect(e.kind).toBe("network");
      expect(e.message).toMatch(/private address/);
      expect(other.calls).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it("verifies X-Hub-Signature-256 with the webhook secret and parses issue events", () => {
    const secret = "whsec-local";
    const payload = gh.setState("acme/site", (gh.repos.get("acme/site")!.issues.push({ id: 1, number: 1, title: "t", body: null, state: "open", state_reason: null, labels: [], assignees: [], comments: [], created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z", closed_at: null }), 1), "closed");
    const rawBody = JSON.stringify(payload);
    const sig = `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
    const headers = { "x-hub-signature-256": sig, "x-github-event": "issues", "x-github-delivery": "d-1" };
    expect(githubProvider.verifyWebhook!({ headers, rawBody, secret })).toBe(true);
    expect(githubProvider.verifyWebhook!({ headers, rawBody: rawBody + " ", secret })).toBe(false);
    expect(githubProvider.verifyWebhook!({ headers, rawBody, secret: "other" })).toBe(false);
    expect(githubProvider.verifyWebhook!({ headers: { ...headers, "x-hub-signature-256": "sha256=abc" }, rawBody, secret })).toBe(false);
    expect(githubProvider.verifyWebhook!({ headers: { "x-github-event": "issues" }, rawBody, secret })).toBe(false);
    const ev = githubProvider.parseWebhook!({ headers, rawBody, secret });
    expect(ev).toMatchObject({ deliveryId: "d-1", kind: "issue", target: "acme/site", issue: { externalId: "1", state: "closed" } });
    expect(githubProvider.parseWebhook!({ headers: { ...headers, "x-github-event": "ping" }, rawBody: "{}", secret }).kind).toBe("ignored");
  });
});
