// The report model's compliance part (pure): findings grouped by the standards they evidence, only failing
// statuses counted, the WCAG 2.2 AA summary (failed / passed / not tested) and its statement draft, and the
// zod schema that the JSON export is validated against.
import { describe, expect, it } from "vitest";
import { buildReportCompliance } from "@/lib/reports/compliance";
import { composeReportModel, type ReportInputs } from "@/lib/reports/compose-model";
import { reportModelSchema, type ReportFinding } from "@/lib/reports/model";
import { PILLARS } from "@/lib/scanner/types";

function finding(over: Partial<ReportFinding> & Pick<ReportFinding, "id" | "rule" | "pillar">): ReportFinding {
  return {
    fingerprint: `fp-${over.id}`,
    severity: "medium",
    status: "open",
    title: `Title of ${over.rule}`,
    description: "d",
    fix: "f",
    evidence: null,
    url: "https://shop.example/",
    pages_count: 1,
    instances_count: 1,
    first_seen_at: "2026-12-01T00:00:00.000Z",
    last_seen_at: "2026-12-01T00:00:00.000Z",
    instances: [],
    ...over,
  };
}

const FINDINGS: ReportFinding[] = [
  finding({ id: "f1", rule: "axe-color-contrast", pillar: "accessibility", severity: "high", title: "Text lacks contrast" }),
  finding({ id: "f2", rule: "hsts-missing", pillar: "security", severity: "medium" }),
  finding({ id: "f3", rule: "csp-missing", pillar: "security", severity: "high" }),
  finding({ id: "f4", rule: "tracker-analytics", pillar: "trackers", severity: "low" }),
  // Not failing: a fixed finding and a false positive evidence nothing.
  finding({ id: "f5", rule: "a11y-zoom-disabled", pillar: "accessibility", status: "resolved" }),
  finding({ id: "f6", rule: "plain-http", pillar: "security", status: "false_positive" }),
  // Accepted risk still fails the requirement.
  finding({ id: "f7", rule: "clickjacking-protection-missing", pillar: "security", status: "accepted_risk", severity: "low" }),
];

describe("buildReportCompliance", () => {
  const c = buildReportCompliance({ findings: FINDINGS, pillars: [...PILLARS], site: "https://shop.example", scannedAt: new Date("2026-12-01T09:00:00Z"), pages: 4 });
  const fw = (id: string) => c.frameworks.find((f) => f.framework === id)!;

  it("lists every framework in a fixed order", () => {
    expect(c.frameworks.map((f) => [f.framework, f.name])).toEqual([
      ["wcag22", "WCAG 2.2"],
      ["asvs", "OWASP ASVS 4.0.3"],
      ["owasp-top10", "OWASP Top 10 (2021)"],
      ["gdpr", "GDPR / ePrivacy Directive"],
      ["cwe", "CWE"],
    ]);
  });

  it("groups failing findings by requirement, worst first, and leaves out resolved and false-positive ones", () => {
    expect(fw("wcag22").requirements).toEqual([{ id: "1.4.3", title: "Contrast (Minimum)", level: "AA", findings: [expect.objectContaining({ id: "f1", severity: "high" })] }]);
    const a05 = fw("owasp-top10").requirements.find((r) => r.id === "A05:2021")!;
    expect(a05.title).toBe("Security Misconfiguration");
    expect(a05.findings.map((f) => f.id)).toEqual(["f3", "f2", "f7"]);
    expect(fw("asvs").requirements.map((r) => r.id)).toEqual(["V14.4.3", "V14.4.5", "V14.4.7"]);
    expect(fw("gdpr").requirements.map((r) => r.id)).toContain("ePrivacy Art. 5(3)");
    expect(fw("cwe").requirements.map((r) => r.id)).toEqual(expect.arrayContaining(["CWE-319", "CWE-693", "CWE-1021"]));
    const all = JSON.stringify(c.frameworks);
    expect(all).not.toContain('"f5"');
    expect(all).not.toContain('"f6"');
  });

  it("summarises WCAG 2.2 AA: failed, passed by automated rules, not tested, over the 55 A and AA criteria", () => {
    const w = c.wcag_aa;
    expect(w.failed.map((x) => x.id)).toEqual(["1.4.3"]);
    expect(w.failed[0].finding_ids).toEqual(["f1"]);
    // 1.4.4 is tested (a11y-zoom-disabled) and its only finding is resolved: it passes.
    expect(w.passed.map((x) => x.id)).toContain("1.4.4");
    // Error suggestions need a person: no rule tests them.
    expect(w.not_tested.map((x) => x.id)).toContain("3.3.3");
    expect(w.failed.length + w.passed.length + w.not_tested.length).toBe(55);
    expect(w.incomplete).toBe(false);
    expect(w.statement_draft).toContain("Accessibility statement for https://shop.example (draft)");
    expect(w.statement_draft).toContain("automated audit of 4 pages on 2026-12-01");
    expect(w.statement_draft).toContain("1.4.3 Contrast (Minimum) (level AA): Text lacks contrast.");
  });

  it("tests no criterion when accessibility was not scanned", () => {
    const none = buildReportCompliance({ findings: [], pillars: ["security"], site: "https://shop.example", scannedAt: null, pages: 0 });
    expect(none.wcag_aa.passed).toEqual([]);
    expect(none.wcag_aa.failed).toEqual([]);
    expect(none.wcag_aa.not_tested).toHaveLength(55);
    expect(none.frameworks.every((f) => f.requirements.length === 0)).toBe(true);
  });

  it("marks the summary incomplete when axe could not run", () => {
    const x = buildReportCompliance({ findings: [finding({ id: "a", rule: "axe-run", pillar: "accessibility" })], pillars: ["accessibility"], site: "s", scannedAt: null, pages: 1 });
    expect(x.wcag_aa.incomplete).toBe(true);
    expect(x.wcag_aa.statement_draft).toContain("could not be tested automatically");
  });
});

describe("the composed model carries the compliance part", () => {
  it("is built from the model's findings and validates against the model schema", () => {
    const inputs: ReportInputs = {
      generatedAt: new Date("2026-12-01T10:00:00Z"),
      title: "Audit",
      target: "https://shop.example",
      source: { kind: "cli", scan_id: null, domain_id: null },
      grade: "C",
      score: 70,
      scoreGrade: "C",
      gradeCap: null,
      securityGrade: null,
      pillars: PILLARS.map((p) => ({ pillar: p, state: "scored", score: 70, scannedAt: null })),
      previousScores: null,
      trend: [],
      findings: FINDINGS,
      securityTests: null,
      pages: [],
      method: { pillars: [...PILLARS], max_pages: 10, started_at: null, finished_at: "2026-12-01T09:00:00.000Z", duration_ms: null, trigger: null, scans: [] },
    };
    const model = composeReportModel(inputs);
    expect(() => reportModelSchema.parse(model)).not.toThrow();
    expect(model.compliance?.wcag_aa.failed.map((x) => x.id)).toEqual(["1.4.3"]);
    // The schema rejects a malformed compliance part rather than passing it through.
    expect(reportModelSchema.safeParse({ ...model, compliance: { ...model.compliance, wcag_aa: { ...model.compliance!.wcag_aa, target_level: "AAA" } } }).success).toBe(false);
  });
});
