// Every export format from one real scan of the six-page fixture site (Chromium, every pillar), through the
// report model the CLI builds from an in-memory result: JSON validated against the published JSON Schema,
// SARIF against the official OASIS SARIF 2.1.0 schema (test/fixtures/schemas), CSV parsed back (with a
// formula-injection and a quote/newline case), Markdown's front matter, and the PDF's text extracted and its
// first page rendered to PNG with pdftoppm (written to test-results/reports/ to look at).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanSite } from "@/lib/scanner";
import type { ScanResult } from "@/lib/scanner/types";
import { reportModelFromScanResult } from "@/lib/reports/from-scan-result";
import { DEFAULT_REPORT_SECTIONS, REPORT_SECTIONS, reportJsonSchema, reportModelSchema, type ReportModel } from "@/lib/reports/model";
import { CSV_COLUMNS, renderCsv } from "@/lib/reports/render/csv";
import { renderReport } from "@/lib/reports/render";
import { mapUrlToFile } from "@/lib/scanner/output/sarif";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const SITE = path.join(import.meta.dirname, "..", "fixtures", "sites", "six-pages");
const SARIF_SCHEMA = path.join(import.meta.dirname, "..", "fixtures", "schemas", "sarif-schema-2.1.0.json");
const OUT = path.join(import.meta.dirname, "..", "..", "test-results", "reports");

let site: FixtureServer;
let result: ScanResult;
let model: ReportModel;

beforeAll(async () => {
  site = await startFixtureServer({ root: SITE });
  result = await scanSite({ url: `${site.origin}/`, allowPrivate: true, maxPages: 10 });
  model = reportModelFromScanResult(result, { generatedAt: new Date("2026-12-01T10:00:00Z") });
  fs.mkdirSync(OUT, { recursive: true });
}, 240_000);

afterAll(async () => site?.close());

describe("the report model of a real scan", () => {
  it("is valid against its zod schema and carries every part", () => {
    expect(() => reportModelSchema.parse(model)).not.toThrow();
    expect(model.schema_version).toBe("1");
    expect(model.pages.filter((p) => p.status === 200)).toHaveLength(6);
    expect(model.findings.length).toBe(result.findings.length);
    expect(model.pillars.map((p) => p.pillar)).toEqual(["accessibility", "security", "cookies", "trackers", "privacy", "performance", "seo"]);
    expect(model.summary.grade).toBe(result.grade);
    expect(model.security_tests?.grade).toBe(result.security_grade);
    expect(model.web_vitals.find((v) => v.id === "lcp")?.p75).not.toBeNull();
    // Top fixes: severity weight × pages, never info, highest first.
    expect(model.top_fixes.length).toBeGreaterThan(0);
    const priorities = model.top_fixes.map((f) => f.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
    expect(model.top_fixes.every((f) => f.severity !== "info")).toBe(true);
    // The unminified script shared by six pages: one finding, instances on several pages.
    const vendor = model.findings.find((f) => f.rule === "perf-unminified-code");
    expect(vendor?.instances.length).toBeGreaterThan(1);
  });
});

describe("JSON", () => {
  it("validates against the published JSON Schema", async () => {
    const file = await renderReport(model, "json");
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(reportJsonSchema());
    const parsed: unknown = JSON.parse(file.bytes.toString("utf8"));
    expect(validate(parsed), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    // A broken document fails: the schema is not a rubber stamp.
    expect(validate({ ...(parsed as object), schema_version: "2" })).toBe(false);
    expect(validate({ ...(parsed as object), findings: [{ id: 1 }] })).toBe(false);
    fs.writeFileSync(path.join(OUT, "six-pages.json"), file.bytes);
    // Frameworks are grouped on request: only a report with the compliance section carries them.
    expect((parsed as ReportModel).compliance).toBeUndefined();
    const withCompliance: unknown = JSON.parse((await renderReport(model, "json", { sections: REPORT_SECTIONS })).bytes.toString("utf8"));
    expect(validate(withCompliance), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const c = (withCompliance as ReportModel).compliance!;
    expect(c.frameworks.map((f) => f.framework)).toEqual(["wcag22", "asvs", "owasp-top10", "gdpr", "cwe"]);
    expect(c.wcag_aa.failed.length + c.wcag_aa.passed.length + c.wcag_aa.not_tested.length).toBe(55);
    expect(validate({ ...(withCompliance as object), compliance: { frameworks: "none" } })).toBe(false);
  });
});

describe("SARIF", () => {
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, "utf8")) as object);

  it("validates against the official SARIF 2.1.0 schema, with help links and security-severity only on security rules", async () => {
    const file = await renderReport(model, "sarif", { rulesBaseUrl: "https://plumb.example" });
    const log = JSON.parse(file.bytes.toString("utf8")) as {
      runs: { tool: { driver: { informationUri: string; rules: { id: string; helpUri: string; properties: Record<string, unknown> }[] } }; results: unknown[] }[];
    };
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.length).toBeGreaterThan(3);
    for (const r of rules) {
      expect(r.helpUri).toBe(`https://plumb.example/rules/${encodeURIComponent(r.id)}`);
      expect("security-severity" in r.properties).toBe(r.properties.pillar === "security");
    }
    expect(rules.some((r) => r.properties.pillar === "security")).toBe(true);
    expect(rules.some((r) => r.properties.pillar !== "security")).toBe(true);
    expect(log.runs[0].results).toHaveLength(model.findings.length);
    // An invalid log fails the official schema.
    expect(validate({ version: "2.1.0", runs: [{ results: [] }] })).toBe(false);
    fs.writeFileSync(path.join(OUT, "six-pages.sarif"), file.bytes);
  });

  it("points URL locations at files with a route map and a source root", async () => {
    const routes = [
      { route: "/", file: "site/index.html" },
      { route: "/blog/:slug", file: "site/blog/[slug].html" },
      { route: "/*", file: "site/pages/catch-all.html" },
    ];
    expect(mapUrlToFile(`${site.origin}/`, routes)).toBe("site/index.html");
    expect(mapUrlToFile(`${site.origin}/blog/first-post`, routes)).toBe("site/blog/[slug].html");
    expect(mapUrlToFile(`${site.origin}/about.html`, routes)).toBe("site/pages/catch-all.html");
    const file = await renderReport(model, "sarif", { sarif: { sourceRoot: "/repo", routes } });
    const log = JSON.parse(file.bytes.toString("utf8")) as {
      runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[];
    };
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(log.runs[0].originalUriBaseIds.SRCROOT.uri).toBe("file:///repo/");
    const locations = log.runs[0].results.flatMap((r) => r.locations.map((l) => l.physicalLocation.artifactLocation));
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) {
      expect(l.uriBaseId).toBe("SRCROOT");
      expect(l.uri.startsWith("site/")).toBe(true);
    }
    // Next.js-style segments are percent-encoded into a valid URI reference.
    expect(locations.some((l) => l.uri === "site/index.html")).toBe(true);
  });
});

describe("CSV", () => {
  it("has one row per finding instance with the documented columns, and parses back", async () => {
    const file = await renderReport(model, "csv");
    const text = file.bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
    const rows = parse(text, { columns: true, relax_column_count: false }) as Record<string, string>[];
    const expected = model.findings.reduce((n, f) => n + Math.max(1, f.instances.length), 0);
    expect(rows).toHaveLength(expected);
    const vendor = model.findings.find((f) => f.rule === "perf-unminified-code")!;
    const vendorRows = rows.filter((r) => r.finding_id === vendor.id);
    expect(vendorRows.map((r) => r.page_url).sort()).toEqual(vendor.instances.map((i) => i.url).sort());
    fs.writeFileSync(path.join(OUT, "six-pages.csv"), file.bytes);
  });

  it("neutralises formula injection and quotes commas, quotes and newlines (RFC 4180)", () => {
    const base = model.findings[0];
    const hostile: ReportModel = {
      ...model,
      findings: [
        {
          ...base,
          title: '=HYPERLINK("http://evil.example","click")',
          description: 'He said "hi",\r\nthen left',
          fix: "+1+1",
          evidence: null,
          instances: [
            { url: "-2+3", selector: "@SUM(A1:A2)", asset: "\tcmd", snippet: "\rline" },
            { url: "https://ok.example/a,b", selector: null, asset: null, snippet: 'multi\nline "quoted"' },
          ],
        },
      ],
    };
    const text = renderCsv(hostile);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0].title).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows[0].description).toBe('He said "hi",\r\nthen left');
    expect(rows[0].fix).toBe("'+1+1");
    expect(rows[0].page_url).toBe("'-2+3");
    expect(rows[0].selector).toBe("'@SUM(A1:A2)");
    expect(rows[0].asset).toBe("'\tcmd");
    expect(rows[0].snippet).toBe("'\rline");
    expect(rows[1].page_url).toBe("https://ok.example/a,b");
    expect(rows[1].snippet).toBe('multi\nline "quoted"');
    expect(rows[1].selector).toBe("");
  });
});

describe("Markdown", () => {
  it("is SECURITY-FIX.md from the same model", async () => {
    const md = (await renderReport(model, "markdown")).bytes.toString("utf8");
    expect(md.startsWith("---\nformat: security-fix/v1\n")).toBe(true);
    expect(md).toContain(`grade: "${model.summary.grade}"`);
    expect(md).toContain("perf-unminified-code");
    expect(md).not.toContain("## Compliance by framework");
    const withCompliance = (await renderReport(model, "markdown", { sections: [...DEFAULT_REPORT_SECTIONS, "compliance"] })).bytes.toString("utf8");
    expect(withCompliance.startsWith(md.replace(/\n+$/, ""))).toBe(true);
    expect(withCompliance).toContain("## Compliance by framework");
    expect(withCompliance).toContain("### WCAG 2.2 AA conformance summary");
    expect(withCompliance).toContain("### OWASP ASVS 4.0.3");
    expect(withCompliance).toContain(`Accessibility statement for ${model.target} (draft)`);
    expect(withCompliance).toMatch(/- Not tested \(needs a manual review\): \d+ criteria/);
  });
});

describe("PDF", () => {
  it("prints the report with a table of contents, page numbers and every section; page 1 renders to PNG", { timeout: 180_000 }, async () => {
    const file = await renderReport(model, "pdf", {
      sections: REPORT_SECTIONS,
      branding: { name: "Acme Agency", accent: "#0f766e", footer: "Prepared for Six Pages Ltd.", showPoweredBy: false },
    });
    expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const pdfPath = path.join(OUT, "six-pages.pdf");
    fs.writeFileSync(pdfPath, file.bytes);
    const doc = await getDocumentProxy(new Uint8Array(file.bytes));
    const { text, totalPages } = await extractText(doc, { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(8);
    const all = text.join("\n");
    for (const heading of ["Contents", "Executive summary", "Grade and pillar scores", "Core Web Vitals", "Top fixes", "Findings by pillar", "Security grade", "Compliance by framework", "Scanned pages", "Method"]) {
      expect(all).toContain(heading);
    }
    // The compliance section: the WCAG 2.2 AA summary worded as a statement draft, then each framework.
    for (const part of ["WCAG 2.2 AA conformance summary", "Criteria not tested", "Accessibility statement (draft)", "OWASP ASVS 4.0.3", "OWASP Top 10 (2021)", "GDPR / ePrivacy Directive", "CWE"]) {
      expect(all).toContain(part);
    }
    expect(text[0]).toContain("Acme Agency");
    expect(all).toContain("Prepared for Six Pages Ltd.");
    // White-label: "Made with Plumb" switched off is nowhere in the file.
    expect(all).not.toContain("Made with Plumb");
    expect(text[0]).toMatch(new RegExp(`Page 1 of ${totalPages}`));
    expect(text[totalPages - 1]).toMatch(new RegExp(`Page ${totalPages} of ${totalPages}`));
    // The contents give each section's page: the summary starts on page 2, and its page starts with it.
    const toc = text[0].replace(/\s+/g, " ");
    const m = /Executive summary (\d+)/.exec(toc);
    expect(m?.[1]).toBe("2");
    const methodPage = Number(/Method (\d+)/.exec(toc)?.[1]);
    expect(methodPage).toBeGreaterThan(2);
    expect(text[methodPage - 1]).toContain("Method");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdfPath, path.join(OUT, "six-pages-page")]);
    const png = fs.readdirSync(OUT).find((f) => f.startsWith("six-pages-page") && f.endsWith(".png"));
    expect(png).toBeDefined();
    const bytes = fs.readFileSync(path.join(OUT, png!));
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it("says \"Made with Plumb\" by default, and its footer names the target without branding", { timeout: 120_000 }, async () => {
    const file = await renderReport(model, "pdf", { sections: ["summary"] });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(file.bytes)), { mergePages: true });
    expect(text).toContain("Made with Plumb");
    expect(text).toContain(model.target);
    expect(text).not.toContain("Compliance by framework");
  });
});
