// Linear through @linear/sdk's operations against the local Linear GraphQL server, over the SSRF guard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { ProviderError, type IssueDraft } from "@/lib/integrations/provider";
import { linearProvider } from "@/lib/integrations/providers/linear/linear-provider";
import { linearConfigSchema } from "@/lib/integrations/providers/linear/linear-config";
import { startLinearServer, type LinearServer } from "@/test/support/providers/linear-server";
import { testProviderContext } from "@/test/support/providers/provider-context";

let linear: LinearServer;
const draft: IssueDraft = { title: "Images must have alternative text", body: "## Fix\n\nAdd `alt` to 4 images.", labels: ["plumb", "accessibility", "serious"], assignees: [] };

beforeAll(async () => {
  linear = await startLinearServer();
  linear.addKey("lin_api_good_key_123");
  linear.addKey("oauth-access-token-1");
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = linear.host;
  resetEnv();
});
afterAll(async () => {
  delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  resetEnv();
  await linear?.close();
});

const ctx = (token = "lin_api_good_key_123", teamId?: string) =>
  testProviderContext({ apiBaseUrl: linear.apiUrl, credential: { type: "token", token }, config: linearConfigSchema.parse({ teamId: teamId ?? linear.teamId }) });

describe("Linear", () => {
  it("connects with an API key (by team key too) and with an OAuth bearer token", async () => {
    expect(await linearProvider.testConnection(ctx())).toEqual({ account: "Plumb Bot", target: "WEB Website" });
    expect((await linearProvider.testConnection(ctx(undefined, "WEB"))).target).toBe("WEB Website");
    const oauth = testProviderContext({ apiBaseUrl: linear.apiUrl, credential: { type: "oauth", accessToken: "oauth-access-token-1" }, config: linearConfigSchema.parse({ teamId: linear.teamId }) });
    expect((await linearProvider.testConnection(oauth)).account).toBe("Plumb Bot");
    const keyCall = linear.requests.find((r) => r.headers.authorization === "lin_api_good_key_123");
    const bearerCall = linear.requests.find((r) => r.headers.authorization === "Bearer oauth-access-token-1");
    expect(keyCall && bearerCall).toBeTruthy();
  });

  it("creates an issue with markdown, labels created once and reused, an assignee; updates, closes, reopens", async () => {
    const c = ctx();
    const created = await linearProvider.createIssue(c, { ...draft, assignees: [linear.userIds[1]] });
    expect(created).toMatchObject({ state: "open", title: draft.title });
    expect(created.url).toMatch(/^https:\/\/linear\.app\/acme\/issue\/web-\d+\//);
    const stored = linear.issues.get(created.externalId)!;
    expect(stored.description).toBe(draft.body);
    expect(stored.assigneeId).toBe(linear.userIds[1]);
    expect([...linear.labels.values()].map((l) => l.name).sort()).toEqual(["accessibility", "plumb", "serious"]);
    const second = await linearProvider.createIssue(ctx(), draft);
    expect(linear.labels.size).toBe(3);
    expect(linear.issues.get(second.externalId)!.labelIds.sort()).toEqual(stored.labelIds.sort());

    const updated = await linearProvider.updateIssue(c, created.externalId, { ...draft, title: "Alt text missing on 5 images", labels: ["plumb"] });
    expect(updated.title).toBe("Alt text missing on 5 images");
    expect(stored.labelIds).toHaveLength(1);

    const closed = await linearProvider.closeIssue(c, created.externalId, "Resolved by Plumb's latest scan.");
    expect(closed.state).toBe("closed");
    expect(linear.states.find((s) => s.id === stored.stateId)!.type).toBe("completed");
    expect(stored.comments).toEqual(["Resolved by Plumb's latest scan."]);
    const reopened = await linearProvider.reopenIssue(c, created.externalId);
    expect(reopened.state).toBe("open");
    expect(linear.states.find((s) => s.id === stored.stateId)!.type).toBe("unstarted");

    linear.setStateType(second.externalId, "canceled");
    expect((await linearProvider.getIssueState(ctx(), second.externalId)).state).toBe("closed");
    const since = new Date(closed.updatedAt.getTime() - 1);
    const changed = await linearProvider.listIssuesUpdatedSince!(ctx(), since);
    expect(changed.map((i) => i.externalId).sort()).toEqual([created.externalId, second.externalId].sort());
  });

  it("reports a revoked key, an unknown team, validation, rate limiting and 5xx as provider errors", async () => {
    linear.addKey("lin_api_revoked_999");
    linear.revoke("lin_api_revoked_999");
    const e401 = (await linearProvider.testConnection(ctx("lin_api_revoked_999")).catch((e: unknown) => e)) as ProviderError;
    expect(e401).toBeInstanceOf(ProviderError);
    expect(e401.kind).toBe("unauthorized");
    expect(e401.message).toMatch(/revoked or has expired/);

    const eTeam = (await linearProvider.testConnection(ctx(undefined, "NOPE")).catch((e: unknown) => e)) as ProviderError;
    expect(eTeam.kind).toBe("validation");
    expect(eTeam.message).toContain("Team");

    const eAssignee = (await linearProvider.createIssue(ctx(), { ...draft, assignees: ["not-a-user"] }).catch((e: unknown) => e)) as ProviderError;
    expect(eAssignee.kind).toBe("validation");

    const reset = Date.now() + 30_000;
    linear.fail({
      reply: {
        status: 400,
        headers: { "x-ratelimit-requests-limit": "1500", "x-ratelimit-requests-remaining": "0", "x-ratelimit-requests-reset": String(reset) },
        body: { errors: [{ message: "Rate limit exceeded", extensions: { code: "RATELIMITED", type: "ratelimited" } }] },
      },
    });
    const e429 = (await linearProvider.testConnection(ctx()).catch((e: unknown) => e)) as ProviderError;
    expect(e429.kind).toBe("rate_limited");
    expect(e429.details.retryAfterMs).toBeGreaterThan(20_000);

    linear.fail({ reply: { status: 502, body: "<html>Bad gateway</html>", headers: { "content-type": "text/html" } } });
    const e502 = (await linearProvider.testConnection(ctx()).catch((e: unknown) => e)) as ProviderError;
    expect(e502.kind).toBe("server");
    expect(e502.retryable).toBe(true);
  });
});

describe("Linear webhooks", () => {
  it("verifies Linear-Signature and the timestamp window, and parses the issue state", async () => {
    const created = await linearProvider.createIssue(ctx(), draft);
    linear.setStateType(created.externalId, "completed");
    const d = linear.webhook(created.externalId, { secret: "lin_wh_secret", delivery: "d-1" });
    const req = { ...d, secret: "lin_wh_secret" };
    expect(linearProvider.verifyWebhook!(req)).toBe(true);
    expect(linearProvider.verifyWebhook!({ ...req, secret: "other" })).toBe(false);
    expect(linearProvider.verifyWebhook!({ ...req, rawBody: req.rawBody.replace('"completed"', '"unstarted"') })).toBe(false);
    expect(linearProvider.verifyWebhook!({ ...req, headers: { ...req.headers, "linear-signature": "zz" } })).toBe(false);
    // A correctly signed but old delivery (a replay) is refused.
    const old = linear.webhook(created.externalId, { secret: "lin_wh_secret", timestamp: Date.now() - 5 * 60_000 });
    expect(linearProvider.verifyWebhook!({ ...old, secret: "lin_wh_secret" })).toBe(false);

    const ev = linearProvider.parseWebhook!(req);
    expect(ev).toMatchObject({ deliveryId: "d-1", kind: "issue", issue: { externalId: created.externalId, state: "closed" } });
    linear.setStateType(created.externalId, "started");
    const later = linearProvider.parseWebhook!({ ...linear.webhook(created.externalId, { secret: "s" }), secret: "s" });
    expect(later.issue!.state).toBe("open");
    expect(later.issue!.updatedAt.getTime()).toBeGreaterThan(ev.issue!.updatedAt.getTime());
    const removed = linearProvider.parseWebhook!({ ...linear.webhook(created.externalId, { secret: "s", action: "remove" }), secret: "s" });
    expect(removed.kind).toBe("ignored");
  });
});
