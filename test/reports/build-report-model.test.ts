// The report model built from the real database: a scan report (its findings with instances, pages, vitals,
// the change since the previous scan, top fixes by severity × pages) and a domain's composed current state;
// another organization's scan or domain is not found; export expiry and purging.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import { setDatabase, type Database } from "@/lib/db";
import { reportModelSchema } from "@/lib/reports/model";
import { PILLARS } from "@/lib/scanner/types";
import { buildReportModel } from "@/lib/services/reports/build-report-model";
import { getReportDownload } from "@/lib/services/reports/get-report-download";
import { purgeExpiredExports } from "@/lib/services/reports/purge-expired-exports";
import { dbStorage } from "@/lib/storage/db";

describe("buildReportModel on the real database", () => {
  let db: Database;
  let orgId: string;
  let otherOrg: string;
  let domainId: string;
  let oldScan: string;
  let newScan: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    const p = db.prisma;
    orgId = (await p.organization.create({ data: { name: "A", slug: "a-reports" } })).id;
    otherOrg = (await p.organization.create({ data: { name: "B", slug: "b-reports" } })).id;
    domainId = (await p.domain.create({ data: { organizationId: orgId, host: "shop.example", verifyToken: "t", verifiedAt: new Date(), pageCount: 3 } })).id;
    const mk = async (at: string, score: number) =>
      (
        await p.scan.create({
          data: {
            organizationId: orgId, domainId, status: "succeeded", pillars: [...PILLARS], maxPages: 3, finishedAt: new Date(at), startedAt: new Date(at),
            scores: Object.fromEntries(PILLARS.map((x) => [x, score])), score, grade: "C", securityGrade: "B",
            securityTests: { tests: [{ rule: "sec-hsts", title: "HSTS", outcome: "fail", severity: "medium", modifier: -15 }], bonus: 0, score: 85, grade: "B" },
            summary: { critical: 0, high: 1, medium: 1, low: 0, info: 0 },
          },
        })
      ).id;
    oldScan = await mk("2026-11-01T00:00:00Z", 60);
    newScan = await mk("2026-11-08T00:00:00Z", 72);
    for (const [i, url] of ["https://shop.example/", "https://shop.example/a", "https://shop.example/b"].entries()) {
      await p.scanPage.create({ data: { scanId: newScan, url, status: 200, title: `Page ${i}`, lcpMs: 1000 + i * 2000, fcpMs: 900, ttfbMs: 100, tbtMs: 50, cls: 0.01, perfScore: 80, bytes: 1000 } });
    }
    const finding = async (rule: string, severity: "high" | "medium", pages: string[], status: "open" | "resolved" = "open") => {
      const f = await p.finding.create({
        data: {
          organizationId: orgId, domainId, fingerprint: `fp-${rule}`, pillar: rule.startsWith("sec") ? "security" : "seo", rule, severity, status, title: `${rule} title`,
          description: "d", fix: `fix ${rule}`, url: pages[0], urls: pages, pagesCount: pages.length, instancesCount: pages.length, lastScanId: newScan,
        },
      });
      await p.findingOccurrence.create({ data: { findingId: f.id, scanId: newScan, severity, urls: pages } });
      for (const url of pages) await p.findingInstance.create({ data: { findingId: f.id, url, selector: "h1", snippet: "<h1>" } });
      return f.id;
    };
    await finding("sec-hsts", "high", ["https://shop.example/"]);
    await finding("seo-meta-description", "medium", ["https://shop.example/", "https://shop.example/a", "https://shop.example/b", "https://shop.example/c"]);
    await finding("seo-title", "medium", ["https://shop.example/a"], "resolved");
  }, 600_000);

  afterAll(async () => {
    await db?.prisma.$disconnect();
  });

  it("builds a scan report: findings with instances, pages, vitals, change and top fixes", async () => {
    const model = await buildReportModel({ orgId, scanId: newScan, now: new Date("2026-12-01T00:00:00Z") });
    expect(() => reportModelSchema.parse(model)).not.toThrow();
    expect(model.source).toEqual({ kind: "scan", scan_id: newScan, domain_id: domainId });
    expect(model.target).toBe("https://shop.example");
    expect(model.findings).toHaveLength(3);
    expect(model.summary.open_findings).toBe(2);
    expect(model.summary.open_by_severity).toMatchObject({ high: 1, medium: 1 });
    const seo = model.findings.find((f) => f.rule === "seo-meta-description")!;
    expect(seo.instances).toHaveLength(4);
    expect(seo.instances[0]).toMatchObject({ selector: "h1", snippet: "<h1>" });
    // Findings in pillar order: security before seo.
    expect(model.findings[0].pillar).toBe("security");
    // high (9) × 1 page = 9 < medium (3) × 4 pages = 12: the wide medium comes first; resolved never.
    expect(model.top_fixes.map((f) => f.rule)).toEqual(["seo-meta-description", "sec-hsts"]);
    expect(model.pillars.find((x) => x.pillar === "seo")).toMatchObject({ score: 72, previous_score: 60, delta: 12 });
    expect(model.pages).toHaveLength(3);
    expect(model.web_vitals.find((v) => v.id === "lcp")).toMatchObject({ p75: 5000, band: "poor", pages: { good: 1, "needs-improvement": 1, poor: 1 } });
    expect(model.security_tests?.tests[0]).toMatchObject({ rule: "sec-hsts", modifier: -15 });
    expect(model.trend.map((t) => t.score)).toEqual([60, 72]);
    expect(model.method.scans).toEqual([{ id: newScan, finished_at: "2026-11-08T00:00:00.000Z", pillars: [...PILLARS] }]);
  });

  it("builds a domain's composed current state, without resolved findings", async () => {
    const model = await buildReportModel({ orgId, domainId });
    expect(model.source.kind).toBe("domain");
    expect(model.findings.map((f) => f.rule).sort()).toEqual(["sec-hsts", "seo-meta-description"]);
    expect(model.summary.score).toBe(72);
    expect(model.pages).toHaveLength(3);
    expect(model.method.scans.map((s) => s.id)).toEqual([newScan]);
  });

  it("keeps other organizations out", async () => {
    await expect(buildReportModel({ orgId: otherOrg, scanId: newScan })).rejects.toMatchObject({ code: "not_found" });
    await expect(buildReportModel({ orgId: otherOrg, domainId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("serves an export until it expires, then 410; maintenance deletes the expired file", async () => {
    const p = db.prisma;
    const report = await p.report.create({ data: { organizationId: orgId, domainId, scanId: newScan, title: "T", sections: [] } });
    await dbStorage(p).put("exports/x/e1.csv", Buffer.from("a,b\r\n"), "text/csv");
    const exp = await p.reportExport.create({
      data: { organizationId: orgId, reportId: report.id, format: "csv", status: "succeeded", storageKey: "db:exports/x/e1.csv", expiresAt: new Date("2026-12-08T00:00:00Z"), contentType: "text/csv" },
    });
    const got = await getReportDownload({ orgId, reportId: report.id, now: new Date("2026-12-07T00:00:00Z") });
    expect(got.bytes.toString()).toBe("a,b\r\n");
    await expect(getReportDownload({ orgId: otherOrg, reportId: report.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getReportDownload({ orgId, reportId: report.id, now: new Date("2026-12-09T00:00:00Z") })).rejects.toMatchObject({ code: "gone" });
    await p.reportExport.create({ data: { organizationId: orgId, reportId: report.id, format: "pdf", status: "running" } });
    await expect(getReportDownload({ orgId, reportId: report.id, format: "pdf" })).rejects.toMatchObject({ code: "export_not_ready" });

    expect(await purgeExpiredExports({ now: new Date("2026-12-07T00:00:00Z") }, p)).toEqual({ deleted: 0 });
    expect(await purgeExpiredExports({ now: new Date("2026-12-09T00:00:00Z") }, p)).toEqual({ deleted: 1 });
    expect(await p.storedFile.count({ where: { key: "exports/x/e1.csv" } })).toBe(0);
    expect((await p.reportExport.findUniqueOrThrow({ where: { id: exp.id } })).storageKey).toBeNull();
  });
});
