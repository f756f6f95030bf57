// Publishing over real HTTP against the production server: AI analysis (the real openai SDK in the server
// talking to a local OpenAI-format server), compliance, branding and share links with their public pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newShareToken } from "@/lib/services/share-links/share-token";
import { SERVER_START_TIMEOUT, seedApiKey, seedOrg, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { finishedScan, PLANTED_SECRET } from "@/test/support/finished-scan";
import { PNG_1X1 } from "@/test/support/images";
import { startOpenAiServer, type OpenAiServer } from "@/test/support/openai-server";
import { api, seedDomain } from "./scans-support";

interface Seeded {
  a: SeededOrg;
  aScan: string;
  aReadKey: string;
  aReportsReadKey: string;
  b: SeededOrg;
  bScan: string;
  expiredToken: string;
}

let server: TestServer<Seeded>;
let ai: OpenAiServer;

beforeAll(async () => {
  ai = await startOpenAiServer();
  server = await startServer<Seeded>({
    privateTargets: [ai.hostPort],
    env: { OPENAI_API_KEY: "sk-test-plumb", OPENAI_BASE_URL: ai.baseUrl, PLUMB_AI_MODEL: "test-model", PLUMB_AI_ANALYSIS_CREDITS: "5" },
    seed: async (db) => {
      const a = await seedOrg(db, { name: "Agency A" });
      const aDomain = await seedDomain(db, a.orgId, "https://shop.example");
      const aScan = await finishedScan(db, { orgId: a.orgId, userId: a.userId }, aDomain, "https://shop.example");
      const b = await seedOrg(db, { name: "Other B" });
      const bDomain = await seedDomain(db, b.orgId, "https://b.example");
      const bScan = await finishedScan(db, { orgId: b.orgId, userId: b.userId }, bDomain, "https://b.example");
      // An expired link (a POST refuses past dates), seeded with a token we know.
      const expired = newShareToken();
      await db.shareLink.create({ data: { organizationId: a.orgId, domainId: aDomain, scanId: aScan, tokenHash: expired.tokenHash, expiresAt: new Date(Date.now() - 60_000) } });
      return {
        a,
        aScan,
        aReadKey: await seedApiKey(db, a.orgId, "scans:read"),
        aReportsReadKey: await seedApiKey(db, a.orgId, "reports:read"),
        b,
        bScan,
        expiredToken: expired.token,
      };
    },
  });
}, 1_800_000);

afterAll(async () => {
  await server?.stop();
  await ai?.close();
});

async function balance(key: string): Promise<number> {
  const res = await api(server.baseUrl, key)<{ balance: number }>("GET", "/api/v1/credits");
  return res.body.data.balance;
}

describe("POST /scans/{id}/analyze", () => {
  it("needs scans:write and hides other organizations' scans", async () => {
    const s = server.seeded;
    const denied = await api(server.baseUrl, s.aReadKey)("POST", `/api/v1/scans/${s.aScan}/analyze`);
    expect(denied.status).toBe(403);
    const other = await api(server.baseUrl, s.b.apiKey)("POST", `/api/v1/scans/${s.aScan}/analyze`);
    expect(other.status).toBe(404);
    expect(other.body.error?.code).toBe("not_found");
    expect(ai.requests).toHaveLength(0);
  });

  it("charges once, caches, and replays an Idempotency-Key", async () => {
    const s = server.seeded;
    const call = api(server.baseUrl, s.a.apiKey);
    const before = await balance(s.a.apiKey);
    const first = await call<{ source: string; cached: boolean; credits_charged: number; analysis: { risk_score: number; attack_chains: unknown[] } }>(
      "POST",
      `/api/v1/scans/${s.aScan}/analyze`,
      undefined,
      { "Idempotency-Key": "analyze-1" },
    );
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ source: "ai", cached: false, credits_charged: 5 });
    expect(first.body.data.analysis.risk_score).toBe(88);
    const replay = await call("POST", `/api/v1/scans/${s.aScan}/analyze`, undefined, { "Idempotency-Key": "analyze-1" });
    expect(replay.body.data).toEqual(first.body.data);
    const again = await call<{ cached: boolean; credits_charged: number }>("POST", `/api/v1/scans/${s.aScan}/analyze`);
    expect(again.body.data).toMatchObject({ cached: true, credits_charged: 0 });
    expect(await balance(s.a.apiKey)).toBe(before - 5);
    expect(ai.requests).toHaveLength(1);
    expect(JSON.stringify(ai.requests[0]!.body)).not.toContain(PLANTED_SECRET);
  });

  it("falls back to the rule-based analysis, free, when the model's answers fail validation twice", async () => {
    const s = server.seeded;
    ai.script({ kind: "malformed" }, { kind: "invalid" });
    const before = await balance(s.b.apiKey);
    const res = await api(server.baseUrl, s.b.apiKey)<{ source: string; credits_charged: number; fallback_reason: string }>("POST", `/api/v1/scans/${s.bScan}/analyze`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ source: "rules", credits_charged: 0 });
    expect(res.body.data.fallback_reason).toMatch(/schema twice/);
    expect(await balance(s.b.apiKey)).toBe(before);
  });
});

describe("GET /scans/{id}/compliance", () => {
  it("groups findings by framework and summarises WCAG 2.2 AA", async () => {
    const s = server.seeded;
    const call = api(server.baseUrl, s.a.apiKey);
    const wcag = await call<{ conformance: { failed: { id: string }[]; passed: unknown[]; not_tested: unknown[]; statement_draft: string } }>("GET", `/api/v1/scans/${s.aScan}/compliance?framework=wcag22`);
    expect(wcag.status).toBe(200);
    expect(wcag.body.data.conformance.failed.map((c) => c.id)).toEqual(["1.4.3"]);
    expect(wcag.body.data.conformance.failed.length + wcag.body.data.conformance.passed.length + wcag.body.data.conformance.not_tested.length).toBe(55);
    const top10 = await call<{ requirements: { id: string; findings: { rule: string }[] }[] }>("GET", `/api/v1/scans/${s.aScan}/compliance?framework=owasp-top10`);
    expect(top10.body.data.requirements.find((r) => r.id === "A05:2021")!.findings.map((f) => f.rule)).toContain("git-config-exposed");
    const gdpr = await call<{ requirements: { id: string }[] }>("GET", `/api/v1/scans/${s.aScan}/compliance?framework=gdpr`);
    expect(gdpr.body.data.requirements.map((r) => r.id)).toContain("ePrivacy Art. 5(3)");
    expect((await call("GET", `/api/v1/scans/${s.aScan}/compliance?framework=iso27001`)).status).toBe(422);
    expect((await api(server.baseUrl, s.b.apiKey)("GET", `/api/v1/scans/${s.aScan}/compliance`)).status).toBe(404);
  });
});

describe("branding", () => {
  it("validates the logo by its bytes and the size cap", async () => {
    const s = server.seeded;
    const call = api(server.baseUrl, s.a.apiKey);
    const svg = await call("PATCH", "/api/v1/organizations/current/branding", { logo: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>").toString("base64") });
    expect(svg.status).toBe(422);
    expect(svg.body.error?.code).toBe("invalid_params");
    const gif = await call("PATCH", "/api/v1/organizations/current/branding", { logo: Buffer.from("GIF89a....").toString("base64") });
    expect(gif.status).toBe(422);
    const big = await call("PATCH", "/api/v1/organizations/current/branding", { logo: Buffer.concat([PNG_1X1, Buffer.alloc(300 * 1024)]).toString("base64") });
    expect(big.status).toBe(422);
    const color = await call("PATCH", "/api/v1/organizations/current/branding", { accent_color: "red" });
    expect(color.status).toBe(422);
    const ok = await call<{ name: string; logo: { type: string } }>("PATCH", "/api/v1/organizations/current/branding", {
      name: "Agency A Studio",
      accent_color: "#0f766e",
      footer_text: "Prepared by Agency A",
      show_powered_by: false,
      logo: PNG_1X1.toString("base64"),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ name: "Agency A Studio", logo: { type: "image/png" }, show_powered_by: false });
    const read = await api(server.baseUrl, s.aReportsReadKey)<{ name: string }>("GET", "/api/v1/organizations/current/branding");
    expect(read.body.data.name).toBe("Agency A Studio");
    expect((await api(server.baseUrl, s.aReportsReadKey)("PATCH", "/api/v1/organizations/current/branding", { name: "x" })).status).toBe(403);
    const otherOrg = await api(server.baseUrl, s.b.apiKey)<{ name: string | null }>("GET", "/api/v1/organizations/current/branding");
    expect(otherOrg.body.data.name).toBeNull();
  });
});

describe("share links", () => {
  async function create(body: Record<string, unknown>, key = server.seeded.a.apiKey) {
    return api(server.baseUrl, key)<{ id: string; token: string; url: string; view_count: number; state: string }>("POST", "/api/v1/share-links", body);
  }

  it("creates a link shown once, serves the branded report without evidence, noindex, counts views", async () => {
    const s = server.seeded;
    const created = await create({ scan_id: s.aScan });
    expect(created.status).toBe(201);
    expect(created.body.data.url).toBe(`${server.baseUrl}/r/${created.body.data.token}`);
    const page = await fetch(`${server.baseUrl}/r/${created.body.data.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("x-robots-tag")).toContain("noindex");
    const html = await page.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow, noarchive"');
    expect(html).toContain("Agency A Studio");
    expect(html).toContain("Prepared by Agency A");
    expect(html).not.toContain("Made with Plumb");
    expect(html).toContain("Git repository exposed");
    expect(html).not.toContain(PLANTED_SECRET);
    expect(html).not.toContain(s.a.email);
    expect(html).not.toContain("repositoryformatversion"); // evidence left out
    expect(html).not.toContain("Triage findings"); // no dashboard chrome
    await fetch(`${server.baseUrl}/r/${created.body.data.token}`);
    const list = await api(server.baseUrl, s.aReportsReadKey)<{ id: string; view_count: number; last_viewed_at: string | null }[]>("GET", "/api/v1/share-links");
    const row = list.body.data.find((l) => l.id === created.body.data.id)!;
    expect(row.view_count).toBe(2);
    expect(row.last_viewed_at).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(created.body.data.token);
  });

  it("shows masked evidence only when asked", async () => {
    const created = await create({ scan_id: server.seeded.aScan, include_evidence: true });
    const html = await (await fetch(`${server.baseUrl}/r/${created.body.data.token}`)).text();
    expect(html).toContain("repositoryformatversion");
    expect(html).not.toContain(PLANTED_SECRET);
  });

  it("answers 410 for expired and revoked links and 404 for unknown ones", async () => {
    const s = server.seeded;
    const expired = await fetch(`${server.baseUrl}/r/${s.expiredToken}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("expired");
    const created = await create({ scan_id: s.aScan });
    const other = await api(server.baseUrl, s.b.apiKey)("DELETE", `/api/v1/share-links/${created.body.data.id}`);
    expect(other.status).toBe(404);
    const bList = await api(server.baseUrl, s.b.apiKey)<{ id: string }[]>("GET", "/api/v1/share-links");
    expect(bList.body.data.map((l) => l.id)).not.toContain(created.body.data.id);
    const revoked = await api(server.baseUrl, s.a.apiKey)<{ state: string }>("DELETE", `/api/v1/share-links/${created.body.data.id}`);
    expect(revoked.body.data.state).toBe("revoked");
    expect((await fetch(`${server.baseUrl}/r/${created.body.data.token}`)).status).toBe(410);
    expect((await fetch(`${server.baseUrl}/r/${"x".repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/r/nope`)).status).toBe(404);
  });

  it("asks for the password, refuses a wrong one and remembers a right one in a cookie", async () => {
    const created = await create({ scan_id: server.seeded.aScan, password: "open sesame 42" });
    const url = `${server.baseUrl}/r/${created.body.data.token}`;
    const form = await fetch(url);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('type="password"');
    expect(formHtml).not.toContain("Git repository exposed");
    const wrong = await fetch(url, { method: "POST", body: new URLSearchParams({ password: "nope" }), redirect: "manual" });
    expect(wrong.status).toBe(403);
    const right = await fetch(url, { method: "POST", body: new URLSearchParams({ password: "open sesame 42" }), redirect: "manual" });
    expect(right.status).toBe(303);
    const cookie = right.headers.get("set-cookie")!.split(";")[0]!;
    expect(right.headers.get("set-cookie")).toMatch(/HttpOnly/);
    const report = await fetch(url, { headers: { cookie } });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain("Git repository exposed");
    // A cookie for another link, or a forged one, does not open it.
    const forged = await fetch(url, { headers: { cookie: cookie.replace(/=.*/, "=9999999999.forged") } });
    expect(await forged.text()).toContain('type="password"');
  });

  it("needs reports:write to create and refuses unknown or unfinished scans", async () => {
    const s = server.seeded;
    expect((await create({ scan_id: s.aScan }, s.aReportsReadKey)).status).toBe(403);
    expect((await create({ scan_id: s.bScan })).status).toBe(404);
    expect((await create({ scan_id: s.aScan, expires_at: "2001-01-01T00:00:00Z" })).status).toBe(422);
    expect((await create({ scan_id: s.aScan, password: "short" })).status).toBe(422);
  });
});
