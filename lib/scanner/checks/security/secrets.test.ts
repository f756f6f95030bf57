import { describe, expect, it } from "vitest";
import { fakeSecrets } from "../shared/fake-secrets";
import { failures, makeContext, makePage, makeProbe, makeRequest, runCheck } from "../shared/test-artifacts";
import { exposedSecret, findSecrets, maskAllSecrets } from "./secrets";

const S = fakeSecrets();

describe("findSecrets", () => {
  it.each([
    ["AWS_KEY_ID", "aws-access-key-id"],
    ["STRIPE_SECRET", "stripe-secret-key"],
    ["GOOGLE_API_KEY", "google-api-key"],
    ["GITHUB_TOKEN", "github-token"],
    ["GITHUB_PAT", "github-token"],
    ["SLACK_TOKEN", "slack-token"],
    ["SLACK_WEBHOOK", "slack-webhook"],
    ["OPENAI_KEY", "openai-api-key"],
    ["ANTHROPIC_KEY", "anthropic-api-key"],
    ["PRIVATE_KEY", "private-key"],
    ["JWT", "jwt"],
    ["SUPABASE_SERVICE", "supabase-service-role-key"],
  ])("detects %s", (name, type) => {
    expect(findSecrets(`const cfg = { value: "${S[name]}" };`).map((f) => f.type)).toEqual([type]);
  });

  it("detects an AWS secret key only next to its variable name", () => {
    expect(findSecrets(`aws_secret_access_key = "${S.AWS_SECRET}"`).map((f) => f.type)).toEqual(["aws-secret-access-key"]);
    expect(findSecrets(`const hash = "${S.AWS_SECRET}";`)).toEqual([]);
  });

  it("ignores publishable keys, anon JWTs, placeholders, docs examples and look-alikes", () => {
    const benign = [
      S.STRIPE_PUBLISHABLE,
      S.SUPABASE_ANON,
      "AKIAIOSFODNN7EXAMPLE",
      `sk_live_${"x".repeat(24)}`,
      "sk-ant-your-key-here",
      "-----BEGIN PRIVATE KEY-----",
      "ghp_short",
      "the task-list and xoxo kisses",
      "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    ];
    for (const text of benign) expect(findSecrets(`x = "${text}"`), text).toEqual([]);
  });

  it("never keeps a full secret in the context snippet", () => {
    for (const f of findSecrets(`a ${S.STRIPE_SECRET} b ${S.GITHUB_TOKEN} c`)) {
      expect(f.context).not.toContain(S.STRIPE_SECRET);
      expect(f.context).not.toContain(S.GITHUB_TOKEN);
    }
    expect(maskAllSecrets(S.OPENAI_KEY)).not.toContain(S.OPENAI_KEY);
  });
});

describe("exposed-secret check", () => {
  it("finds a key in a first-party script, masks it, keys it by type and location", () => {
    const page = makePage({ requests: [makeRequest("https://example.com/static/app.js?v=3", { body: `init("${S.STRIPE_SECRET}")` })] });
    const [r] = failures(exposedSecret, makeContext([page]));
    expect(r).toMatchObject({ severity: "critical", key: "stripe-secret-key@https://example.com/static/app.js", url: "https://example.com/static/app.js" });
    expect(JSON.stringify(r)).not.toContain(S.STRIPE_SECRET);
    expect(r.evidence).toContain(S.STRIPE_SECRET.slice(0, 4));
  });

  it("one finding per secret even when the HTML of every page carries it", () => {
    const html = `<script>window.cfg={gh:"${S.GITHUB_TOKEN}"}</script>`;
    const pages = [makePage({ dom: { html } }), makePage({ url: "https://example.com/b", dom: { html } })];
    const r = failures(exposedSecret, makeContext(pages));
    expect(r).toHaveLength(1);
    expect(r[0].evidence).toContain("https://example.com/b");
  });

  it("ignores third-party bundles and clean pages; scans public source maps", () => {
    const thirdParty = makePage({ requests: [makeRequest("https://cdn.vendor.net/sdk.js", { thirdParty: true, body: `"${S.OPENAI_KEY}"` })] });
    expect(failures(exposedSecret, makeContext([thirdParty]))).toEqual([]);
    expect(failures(exposedSecret, makeContext([makePage()]))).toEqual([]);
    const map = makeProbe("https://example.com/app.js.map", { status: 200, body: `{"version":3,"sourcesContent":["const k='${S.ANTHROPIC_KEY}'"]}` });
    expect(failures(exposedSecret, makeContext([makePage()], { sourceMaps: [map] }))[0].title).toMatch(/source map/);
  });

  it("low severity for Google API keys and generic JWTs", () => {
    const page = makePage({ dom: { html: `<div data-key="${S.GOOGLE_API_KEY}" data-t="${S.JWT}"></div>` } });
    expect(failures(exposedSecret, makeContext([page])).map((r) => r.severity)).toEqual(["low", "low"]);
    expect(runCheck(exposedSecret, makeContext([]))).toBe("n/a");
  });
});
