// Portfolio reports on the real database: the model composed from three seeded domains (ranking, per-domain
// grade, pillar scores, open findings by severity, top fixes; a domain with no scan listed last; other
// organizations' domains left out), and its exports: a PDF printed by Chromium whose text names every domain,
// CSV parsed back, JSON validated against the published JSON Schema.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { portfolioJsonSchema, portfolioModelSchema, type PortfolioModel } from "@/lib/reports/portfolio-model";
import { PORTFOLIO_CSV_COLUMNS, renderPortfolio } from "@/lib/reports/render/portfolio";
import { createReport } from "@/lib/services/reports/create-report";
import { buildPortfolioModel } from "@/lib/services/reports/build-portfolio-model";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant, type SeededTenant } from "@/test/services/seed";
import { seedScannedDomain } from "./seed-scanned-domain";

let db: Database;
let t: SeededTenant;
let other: SeededTenant;
const ids: Record<string, string> = {};
let model: PortfolioModel;

beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  t = await seedTenant(db.prisma);
  other = await seedTenant(db.prisma);
  ids.good = (await seedScannedDomain(db.prisma, t.orgId, { host: "good.example", score: 91, grade: "A", findings: [{ rule: "seo-title", severity: "low", pages: 2 }] })).domainId;
  ids.bad = (await seedScannedDomain(db.prisma, t.orgId, { host: "bad.example", score: 48, grade: "F", findings: [{ rule: "sec-hsts", severity: "critical", pages: 1 }, { rule: "seo-meta", severity: "medium", pages: 6 }, { rule: "sec-csp", severity: "high", pages: 3 }] })).domainId;
  ids.mid = (await seedScannedDomain(db.prisma, t.orgId, { host: "mid.example", score: 74, grade: "C", findings: [{ rule: "sec-csp", severity: "high", pages: 2 }] })).domainId;
  ids.fresh = (await db.prisma.domain.create({ data: { organizationId: t.orgId, host: "fresh.example", verifyToken: "f" } })).id;
  ids.foreign = (await seedScannedDomain(db.prisma, other.orgId, { host: "foreign.example", score: 99, grade: "A", findings: [] })).domainId;
  model = await buildPortfolioModel({ orgId: t.orgId, domainIds: [ids.fresh, ids.bad, ids.good, ids.mid, ids.foreign], title: "Client portfolio", now: new Date("2026-12-01T00:00:00Z") });
}, 600_000);

afterAll(async () => {
  setDatabase(undefined);
  await db?.close();
});

describe("portfolio model", () => {
  it("ranks the organization's domains by score, best first, with a domain without a scan last", () => {
    expect(() => portfolioModelSchema.parse(model)).not.toThrow();
    expect(model.domains.map((d) => [d.rank, d.host])).toEqual([
      [1, "good.example"],
      [2, "mid.example"],
      [3, "bad.example"],
      [null, "fresh.example"],
    ]);
    expect(model.domains.some((d) => d.host === "foreign.example")).toBe(false);
    expect(model.summary).toMatchObject({ domains: 4, scored: 3, average_score: Math.round((91 + 74 + 48) / 3), open_findings: 5 });
    expect(model.summary.open_by_severity).toEqual({ critical: 1, high: 2, medium: 1, low: 1, info: 0 });
  });

  it("gives each domain its grade, pillar scores, open findings by severity and top fixes from its own report model", () => {
    const bad = model.domains.find((d) => d.host === "bad.example")!;
    expect(bad).toMatchObject({ state: "scored", grade: "F", score: 48, open_findings: 3, open_by_severity: { critical: 1, high: 1, medium: 1, low: 0, info: 0 } });
    expect(bad.pillars).toHaveLength(7);
    expect(bad.pillars.every((p) => p.state === "scored" && typeof p.score === "number")).toBe(true);
    // critical (27) × 1 = 27 vs high (9) × 3 = 27 vs medium (3) × 6 = 18: ties go to the worse severity.
    expect(bad.top_fixes.map((f) => f.rule)).toEqual(["sec-hsts", "sec-csp", "seo-meta"]);
    const fresh = model.domains.find((d) => d.host === "fresh.example")!;
    expect(fresh).toMatchObject({ state: "no_scan", grade: null, score: null, open_findings: 0, top_fixes: [] });
  });
});

describe("portfolio exports", () => {
  it("prints a PDF with the overview and a page per domain", { timeout: 180_000 }, async () => {
    const file = await renderPortfolio(model, "pdf", { pdf: { chromePath: process.env.CHROME_PATH } });
    expect(file.contentType).toBe("application/pdf");
    expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const doc = await getDocumentProxy(new Uint8Array(file.bytes));
    const { text, totalPages } = await extractText(doc, { mergePages: false });
    // Overview first, then one page (at least) per domain.
    expect(totalPages).toBeGreaterThanOrEqual(5);
    expect(text[0]).toContain("Portfolio overview");
    const all = text.join("\n");
    for (const host of ["good.example", "mid.example", "bad.example", "fresh.example"]) {
      expect(all).toContain(host);
      // Each domain's page starts with its heading.
      expect(text.slice(1).some((page) => page.includes(host) && page.includes("Pillar scores"))).toBe(true);
    }
    expect(all).not.toContain("foreign.example");
    expect(all).toContain("Fix sec-hsts");
    console.log(`[portfolio] PDF of ${model.domains.length} domains: ${file.bytes.length} bytes, ${totalPages} pages`);
  });

  it("writes a CSV with one ranked row per domain and a JSON valid against the published schema", async () => {
    const csv = (await renderPortfolio(model, "csv")).bytes.toString("utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(PORTFOLIO_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(5);
    const row = (i: number) => Object.fromEntries(lines[0].split(",").map((c, j) => [c, lines[i].split(",")[j]]));
    expect(row(1)).toMatchObject({ rank: "1", host: "good.example", grade: "A", score: "91" });
    expect(row(3)).toMatchObject({ rank: "3", host: "bad.example", open_critical: "1", open_high: "1" });
    expect(row(4)).toMatchObject({ rank: "", host: "fresh.example", state: "no_scan" });

    const json = JSON.parse((await renderPortfolio(model, "json")).bytes.toString("utf8"));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(portfolioJsonSchema());
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const md = (await renderPortfolio(model, "markdown")).bytes.toString("utf8");
    expect(md).toContain("| 1 | good\\.example | A | 91 |");
  });
});

describe("creating a portfolio report", () => {
  it("refuses another organization's or an unknown domain (not found), too few or too many domains, and SARIF", async () => {
    await expect(createReport(t.actor, { domainIds: [ids.good, ids.foreign], format: "pdf" }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await expect(createReport(t.actor, { domainIds: [ids.good, "nope"], format: "pdf" }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await expect(createReport(t.actor, { domainIds: [ids.good, ids.good], format: "pdf" }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createReport(t.actor, { domainIds: Array.from({ length: 26 }, (_, i) => `d${i}`), format: "pdf" }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createReport(t.actor, { domainIds: [ids.good, ids.bad], format: "sarif" }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    const report = await createReport(t.actor, { domainIds: [ids.bad, ids.good, ids.fresh], format: "csv" }, db.prisma);
    expect(report).toMatchObject({ portfolioDomainIds: [ids.bad, ids.good, ids.fresh], domainId: ids.bad, title: "Portfolio of 3 domains" });
    expect(report.exports).toHaveLength(1);
  });
});
