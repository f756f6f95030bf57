// Findings over HTTP: rows with instance and page counts, the instances endpoint (cursor paged, envelope),
// url= and q= matching instance pages, status comma lists, and the justification rule on PATCH and bulk.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dedupe } from "@/lib/scanner/dedupe";
import type { CheckResult } from "@/lib/scanner/types";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { seedOrg, SERVER_START_TIMEOUT, startServer, type SeededOrg, type TestServer } from "@/test/support/server";
import { apiClient, expectError } from "./api-client";

const O = "https://bakery.example";
const PAGES = ["/", "/about", "/menu", "/contact", "/blog/sourdough", "/blog/rye"].map((p) => `${O}${p}`);

interface Seeded {
  a: SeededOrg;
  b: SeededOrg;
}

let server: TestServer<Seeded>;

beforeAll(async () => {
  server = await startServer<Seeded>({
    seed: async (db) => {
      const a = await seedOrg(db, { scopes: "all" });
      const b = await seedOrg(db, { scopes: "all" });
      const domain = await db.domain.create({ data: { organizationId: a.orgId, host: "bakery.example", verifyToken: "t", verifiedAt: new Date() } });
      await db.creditLedger.create({ data: { organizationId: a.orgId, amount: 100, reason: "grant" } as never });
      const actor = { orgId: a.orgId, userId: a.userId, apiKeyId: null, requestId: null };
      const { scan } = await db.$transaction((tx) => createScanInTx(tx, actor, { domainId: domain.id, pillars: ["performance", "seo", "accessibility"] }));
      await markScanRunning({ scanId: scan.id }, db);
      const base = { severity: "low" as const, title: "t", description: "d", fix: "f" };
      const results: CheckResult[] = PAGES.flatMap((url, i): CheckResult[] => [
        { ...base, rule: "perf-unminified-code", pillar: "performance", title: "JavaScript or CSS is not minified", url, key: `${O}/js/vendor.js`, siteWide: true, evidence: "<script>40 KB</script>" },
        { ...base, rule: "seo-canonical-missing", pillar: "seo", title: "Page has no canonical URL", url },
        ...(i < 4 ? [{ ...base, rule: "axe-image-alt", pillar: "accessibility" as const, title: "Images must have alternative text", url, selector: `img:nth-child(${i + 1})`, siteWide: true }] : []),
      ]);
      const now = new Date().toISOString();
      await recordScanResults(
        { scanId: scan.id, result: { target: O, started_at: now, finished_at: now, pages: PAGES.map((url) => ({ url, status: 200 })), scores: {}, score: 90, grade: "A", findings: dedupe(results, O), checks: [], timings: {} } },
        db,
      );
      return { a, b };
    },
  });
}, SERVER_START_TIMEOUT);
afterAll(async () => {
  await server?.stop();
});

type Row = { id: string; rule: string; instances_count: number; pages_count: number; status: string; subject_kind: string | null; accepted_until: string | null };

describe("findings API", () => {
  const a = () => apiClient(server.baseUrl, server.seeded.a.apiKey);

  it("lists one row per root cause with stored instance and page counts", async () => {
    const r = await a()<Row[]>("GET", "/api/v1/findings?limit=100");
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.body.data.map((f) => [f.rule, f]));
    expect(r.body.data).toHaveLength(3);
    expect(by["perf-unminified-code"]).toMatchObject({ instances_count: 6, pages_count: 6, subject_kind: "asset" });
    expect(by["seo-canonical-missing"]).toMatchObject({ instances_count: 6, pages_count: 6, subject_kind: "site" });
    expect(by["axe-image-alt"]).toMatchObject({ instances_count: 4, pages_count: 4, subject_kind: "element" });
  });

  it("pages a finding's instances with a cursor, in the envelope; another org gets 404", async () => {
    const list = await a()<Row[]>("GET", "/api/v1/findings?limit=100");
    const id = list.body.data.find((f) => f.rule === "perf-unminified-code")!.id;
    const urls: string[] = [];
    let path = `/api/v1/findings/${id}/instances?limit=4`;
    for (;;) {
      const r = await a()<{ url: string; asset: string | null; snippet: string | null; finding_id: string }[]>("GET", path);
      expect(r.status).toBe(200);
      expect(r.body.error).toBeNull();
      for (const i of r.body.data) {
        expect(i).toMatchObject({ finding_id: id, asset: `${O}/js/vendor.js`, snippet: "<script>40 KB</script>" });
        urls.push(i.url);
      }
      if (!r.body.meta.next_cursor) break;
      path = `/api/v1/findings/${id}/instances?limit=4&cursor=${encodeURIComponent(r.body.meta.next_cursor)}`;
    }
    expect(urls.sort()).toEqual([...PAGES].sort());
    expectError(await apiClient(server.baseUrl, server.seeded.b.apiKey)("GET", `/api/v1/findings/${id}/instances`), 404, "not_found");
    expectError(await a()("GET", `/api/v1/findings/${id}/instances?cursor=nonsense`), 422, "invalid_params");
  });

  it("matches instance pages with url= and q=", async () => {
    const byUrl = await a()<Row[]>("GET", `/api/v1/findings?url=${encodeURIComponent("/blog/rye")}`);
    expect(byUrl.body.data.map((f) => f.rule).sort()).toEqual(["perf-unminified-code", "seo-canonical-missing"]);
    const byQ = await a()<Row[]>("GET", `/api/v1/findings?q=${encodeURIComponent("bakery.example/contact")}`);
    expect(byQ.body.data.map((f) => f.rule).sort()).toEqual(["axe-image-alt", "perf-unminified-code", "seo-canonical-missing"]);
  });

  it("requires a justification for false_positive and accepted_risk (PATCH and bulk), and filters by a status list", async () => {
    const list = await a()<Row[]>("GET", "/api/v1/findings?limit=100");
    const id = (rule: string) => list.body.data.find((f) => f.rule === rule)!.id;
    const noWhy = await a()("PATCH", `/api/v1/findings/${id("seo-canonical-missing")}`, { json: { status: "false_positive" } });
    expectError(noWhy, 422, "invalid_params");
    expect(JSON.stringify(noWhy.body.error?.issues)).toContain("justification");
    expectError(await a()("POST", "/api/v1/findings/bulk", { json: { ids: [id("axe-image-alt")], status: "accepted_risk" } }), 422, "invalid_params");
    expectError(await a()("PATCH", `/api/v1/findings/${id("axe-image-alt")}`, { json: { status: "in_progress", accepted_until: "2099-01-01" } }), 422, "invalid_params");

    const ok = await a()<Row>("PATCH", `/api/v1/findings/${id("seo-canonical-missing")}`, { json: { status: "false_positive", justification: "Set at the CDN" } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.status).toBe("false_positive");
    const bulk = await a()("POST", "/api/v1/findings/bulk", { json: { ids: [id("axe-image-alt")], status: "accepted_risk", justification: "Decorative", accepted_until: "2099-01-01" } });
    expect(bulk.status).toBe(200);
    const accepted = await a()<Row>("GET", `/api/v1/findings/${id("axe-image-alt")}`);
    expect(accepted.body.data).toMatchObject({ status: "accepted_risk", accepted_until: "2099-01-01T00:00:00.000Z" });

    const open = await a()<Row[]>("GET", "/api/v1/findings?status=open,in_progress");
    expect(open.body.data.map((f) => f.rule)).toEqual(["perf-unminified-code"]);
    const closed = await a()<Row[]>("GET", "/api/v1/findings?status=false_positive,accepted_risk");
    expect(closed.body.data.map((f) => f.rule).sort()).toEqual(["axe-image-alt", "seo-canonical-missing"]);
    expectError(await a()("GET", "/api/v1/findings?status=open,bogus"), 422, "invalid_params");
  });
});
