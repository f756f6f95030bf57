// The analysis service against a local OpenAI-compatible server, with the real openai SDK talking HTTP to
// it through the SSRF guard (its origin allowed by PLUMB_PRIVATE_TARGET_ALLOWLIST, as an operator would).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import type { AnalysisSettings } from "@/lib/services/analysis/ai-settings";
import { analyzeScan } from "@/lib/services/analysis/analyze-scan";
import { ServiceError } from "@/lib/services/errors";
import { getCreditBalance } from "@/lib/services/credits/get-balance";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { createTestDatabase } from "@/test/support/db";
import { finishedScan, HOSTILE_TEXT, PLANTED_SECRET } from "@/test/support/finished-scan";
import { startOpenAiServer, VALID_ANALYSIS, type OpenAiServer } from "@/test/support/openai-server";
import { seedTenant } from "./seed";

let db: Database;
let ai: OpenAiServer;
const savedAllowlist = process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;

beforeAll(async () => {
  db = await createTestDatabase();
  ai = await startOpenAiServer();
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = ai.hostPort;
  resetEnv();
});
afterAll(async () => {
  await ai?.close();
  await db?.close();
  if (savedAllowlist === undefined) delete process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST;
  else process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = savedAllowlist;
  resetEnv();
});
beforeEach(() => {
  ai.requests.length = 0;
  ai.setDefault({ kind: "ok" });
});

function settings(over: Partial<AnalysisSettings> = {}, timeoutMs = 10_000): AnalysisSettings {
  return { ai: { apiKey: "sk-test-plumb", baseUrl: ai.baseUrl, model: "test-model", timeoutMs }, cost: 5, dailyQuota: 10, ...over };
}

async function tenantWithScan(credits = 100) {
  const t = await seedTenant(db.prisma, { credits });
  const scanId = await finishedScan(db.prisma, t.actor, t.domainId, "https://shop.example");
  return { ...t, scanId };
}

describe("AI analysis", () => {
  it("asks the model with structured output, charges once and caches per scan", async () => {
    const t = await tenantWithScan();
    const before = await getCreditBalance(t.orgId, db.prisma);
    const first = await analyzeScan(t.actor, { scanId: t.scanId, settings: settings() }, db.prisma);
    expect(first).toMatchObject({ source: "ai", cached: false, creditsCharged: 5, fallbackReason: null, model: "test-model" });
    expect(first.analysis).toEqual(VALID_ANALYSIS);
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(before - 5);
    expect(await db.prisma.creditLedger.count({ where: { organizationId: t.orgId, reason: "ai_analysis" } })).toBe(1);

    // What went over the wire: JSON-schema response format, the findings' rule ids/titles/severities/counts only.
    expect(ai.requests).toHaveLength(1);
    const req = ai.requests[0]!;
    expect(req.body.response_format?.type).toBe("json_schema");
    expect(req.body.response_format?.json_schema?.name).toBe("scan_analysis");
    const user = req.body.messages!.find((m) => m.role === "user")!.content;
    const payload = JSON.parse(user) as { findings: { rule: string; title: string; severity: string; count: number; pages: number }[] };
    expect(payload.findings.map((f) => f.rule).sort()).toEqual(["axe-color-contrast", "csp-missing", "exposed-secret", "git-config-exposed", "tracker-analytics"]);
    expect(Object.keys(payload.findings[0]!).sort()).toEqual(["count", "pages", "pillar", "rule", "severity", "title"]);
    const wire = JSON.stringify(req.body);
    expect(wire).not.toContain(PLANTED_SECRET);
    expect(wire).not.toContain("IGNORE ALL PREVIOUS");
    expect(wire).not.toContain("<script>");
    expect(wire).not.toContain("shop.example");

    const second = await analyzeScan(t.actor, { scanId: t.scanId, settings: settings() }, db.prisma);
    expect(second).toMatchObject({ source: "ai", cached: true, creditsCharged: 0 });
    expect(ai.requests).toHaveLength(1);
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(before - 5);
  });

  it("waits as a 429's Retry-After says and then uses the answer", async () => {
    const t = await tenantWithScan();
    ai.script({ kind: "rate_limit", retryAfterSeconds: 1 });
    const res = await analyzeScan(t.actor, { scanId: t.scanId, settings: settings() }, db.prisma);
    expect(res).toMatchObject({ source: "ai", creditsCharged: 5 });
    expect(ai.requests).toHaveLength(2);
  });

  it("asks once more after a malformed answer, and uses a valid second answer", async () => {
    const t = await tenantWithScan();
    ai.script({ kind: "malformed" });
    const res = await analyzeScan(t.actor, { scanId: t.scanId, settings: settings() }, db.prisma);
    expect(res.source).toBe("ai");
    expect(ai.requests).toHaveLength(2);
  });

  it("falls back to the free rule-based analysis when the answer fails validation twice", async () => {
    const t = await tenantWithScan();
    const before = await getCreditBalance(t.orgId, db.prisma);
    ai.script({ kind: "malformed" }, { kind: "invalid" });
    const res = await analyzeScan(t.actor, { scanId: t.scanId, settings: settings() }, db.prisma);
    expect(res).toMatchObject({ source: "rules", creditsCharged: 0, cached: false });
    expect(res.fallbackReason).toMatch(/did not match the analysis schema twice/);
    expect(ai.requests).toHaveLength(2);
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(before);
    expect(await db.prisma.scanAnalysis.count({ where: { scanId: t.scanId } })).toBe(0);
  });

  it("falls back when the model times out on every retry", async () => {
    const t = await tenantWithScan();
    ai.setDefault({ kind: "hang" });
    const res = await analyzeScan(t.actor, { scanId: t.scanId, settings: settings({}, 400) }, db.prisma);
    expect(res.source).toBe("rules");
    expect(res.fallbackReason).toMatch(/did not answer in time/);
    expect(ai.requests).toHaveLength(3); // the first try and the SDK's two retries
  });

  it("falls back when the provider keeps failing", async () => {
    const t = await tenantWithScan();
    ai.setDefault({ kind: "error", status: 503 });
    const res = await analyzeScan(t.actor, { scanId: t.scanId, settings: settings() }, db.prisma);
    expect(res.source).toBe("rules");
    expect(res.fallbackReason).toMatch(/HTTP 503/);
  });

  it("refuses a base URL the SSRF guard does not allow (nothing is sent)", async () => {
    const t = await tenantWithScan();
    const s = settings();
    s.ai!.baseUrl = "http://127.0.0.1:9/v1";
    const res = await analyzeScan(t.actor, { scanId: t.scanId, settings: s }, db.prisma);
    expect(res.source).toBe("rules");
    expect(res.fallbackReason).toMatch(/could not be reached/);
    expect(ai.requests).toHaveLength(0);
  });

  it("needs the credits and keeps to the daily quota", async () => {
    const poor = await tenantWithScan(7); // the scan takes 3, leaving 4 < 5
    await expect(analyzeScan(poor.actor, { scanId: poor.scanId, settings: settings() }, db.prisma)).rejects.toMatchObject({ code: "insufficient_credits" });
    expect(ai.requests).toHaveLength(0);

    const t = await tenantWithScan();
    const other = await finishedScan(db.prisma, t.actor, t.domainId, "https://shop.example");
    await analyzeScan(t.actor, { scanId: t.scanId, settings: settings({ dailyQuota: 1 }) }, db.prisma);
    const err = await analyzeScan(t.actor, { scanId: other, settings: settings({ dailyQuota: 1 }) }, db.prisma).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe("rate_limited");
  });
});

describe("without an API key", () => {
  it("answers the deterministic rule-based analysis, free and with the known attack chain", async () => {
    const t = await tenantWithScan();
    const before = await getCreditBalance(t.orgId, db.prisma);
    const a = await analyzeScan(t.actor, { scanId: t.scanId, settings: { ai: null, cost: 5, dailyQuota: 10 } }, db.prisma);
    const b = await analyzeScan(t.actor, { scanId: t.scanId, settings: { ai: null, cost: 5, dailyQuota: 10 } }, db.prisma);
    expect(a).toMatchObject({ source: "rules", creditsCharged: 0, fallbackReason: null });
    expect(b.analysis).toEqual(a.analysis);
    expect(a.analysis.attack_chains.map((c) => c.title)).toContain("Source code and credentials can be downloaded");
    expect(a.analysis.risk_score).toBeGreaterThanOrEqual(70);
    expect(a.analysis.plan[0]).toMatchObject({ week: 1 });
    expect(a.analysis.summary).not.toContain("IGNORE ALL PREVIOUS");
    expect(JSON.stringify(a.analysis)).not.toContain(HOSTILE_TEXT);
    expect(await getCreditBalance(t.orgId, db.prisma)).toBe(before);
    expect(ai.requests).toHaveLength(0);
  });

  it("refuses a scan of another organization and an unfinished scan", async () => {
    const t = await tenantWithScan();
    const other = await seedTenant(db.prisma);
    await expect(analyzeScan(other.actor, { scanId: t.scanId, settings: { ai: null, cost: 5, dailyQuota: 10 } }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["security"] }));
    await expect(analyzeScan(t.actor, { scanId: scan.id, settings: { ai: null, cost: 5, dailyQuota: 10 } }, db.prisma)).rejects.toMatchObject({ code: "conflict" });
  });
});
