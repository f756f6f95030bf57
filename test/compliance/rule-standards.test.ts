// Every rule the scanner can fire maps to the standards it evidences (or says why it evidences none).
import { describe, expect, it } from "vitest";
import { allChecks } from "@/lib/scanner/checks";
import { AXE_RULES } from "@/lib/scanner/checks/accessibility/axe-rules";
import { OWASP_TOP10_2021 } from "@/lib/compliance/frameworks";
import { RULE_STANDARDS, standardsForRule } from "@/lib/compliance/rule-standards";
import { groupFindingsByFramework, wcagConformance, type ComplianceFinding } from "@/lib/compliance/group-by-framework";
import { WCAG22_AA_CRITERIA, WCAG22_CRITERIA, wcagCriterion } from "@/lib/compliance/wcag22";

const PRIVACY_PILLARS = new Set(["cookies", "trackers", "privacy"]);

describe("compliance mapping", () => {
  it("has an entry for every rule in the check registry, and nothing for rules that do not exist", () => {
    const rules = new Set(allChecks.map((c) => c.rule));
    const missing = [...rules].filter((r) => !standardsForRule(r));
    expect(missing).toEqual([]);
    const unknown = Object.keys(RULE_STANDARDS).filter((r) => !rules.has(r));
    expect(unknown).toEqual([]);
  });

  it("gives every accessibility, security and privacy rule at least one reference (or a reason)", () => {
    for (const c of allChecks) {
      const s = standardsForRule(c.rule)!;
      const refs = s.wcag.length + s.asvs.length + s.owaspTop10.length + s.gdpr.length + s.cwe.length;
      if (refs === 0) expect(s.note, `${c.rule} maps to nothing and says not why`).toBeTruthy();
      // axe's best-practice rules are advice beyond WCAG: they say so instead of naming a criterion.
      const bestPractice = AXE_RULES.some((r) => r.kind === "best-practice" && `axe-${r.id}` === c.rule);
      if (c.pillar === "accessibility" && c.rule !== "axe-run" && !bestPractice) expect(s.wcag.length, c.rule).toBeGreaterThan(0);
      if (bestPractice) expect(s.wcag, c.rule).toEqual([]);
      if (c.pillar === "security" && !c.rule.startsWith("security-txt")) {
        expect(s.owaspTop10.length, c.rule).toBeGreaterThan(0);
        expect(s.cwe.length, c.rule).toBeGreaterThan(0);
      }
      if (PRIVACY_PILLARS.has(c.pillar) && !c.rule.startsWith("cookie-missing") && c.rule !== "cookie-samesite-missing") {
        expect(s.gdpr.length, c.rule).toBeGreaterThan(0);
      }
    }
  });

  it("uses only known WCAG 2.2 criteria, Top 10 categories and well-formed ASVS and CWE ids", () => {
    for (const [rule, s] of Object.entries(RULE_STANDARDS)) {
      for (const id of s.wcag) expect(wcagCriterion(id), `${rule}: ${id}`).toBeDefined();
      for (const id of s.owaspTop10) expect(OWASP_TOP10_2021[id], `${rule}: ${id}`).toBeDefined();
      for (const a of s.asvs) expect(a.id, rule).toMatch(/^V\d{1,2}\.\d{1,2}\.\d{1,2}$/);
      for (const c of s.cwe) expect(c.id, rule).toMatch(/^CWE-\d+$/);
      for (const g of s.gdpr) expect(g, rule).toMatch(/^(GDPR|ePrivacy) Art\. \d+/);
    }
  });

  it("takes axe's WCAG tags for axe rules", () => {
    const contrast = AXE_RULES.find((r) => r.id === "color-contrast")!;
    expect(standardsForRule("axe-color-contrast")!.wcag).toEqual(contrast.wcag);
    expect(wcagCriterion("1.4.3")!.level).toBe("AA");
  });

  it("lists the 55 level A and AA criteria of WCAG 2.2 (4.1.1 removed)", () => {
    expect(WCAG22_AA_CRITERIA).toHaveLength(55);
    expect(WCAG22_AA_CRITERIA.filter((c) => c.level === "A")).toHaveLength(31);
    expect(WCAG22_CRITERIA.find((c) => c.id === "4.1.1")).toBeUndefined();
  });
});

function f(id: string, rule: string, status: ComplianceFinding["status"] = "open", severity: ComplianceFinding["severity"] = "medium"): ComplianceFinding {
  return { id, rule, title: `Title of ${rule}`, severity, status, pillar: "accessibility" };
}

describe("grouping and the WCAG 2.2 AA summary", () => {
  it("groups failing findings by requirement and leaves false positives and resolved findings out", () => {
    const findings = [
      f("1", "axe-color-contrast"),
      f("2", "git-config-exposed", "open", "critical"),
      f("3", "exposed-secret", "open", "critical"),
      f("4", "csp-missing", "false_positive"),
      f("5", "hsts-missing", "resolved"),
    ];
    const top10 = groupFindingsByFramework(findings, "owasp-top10");
    expect(top10.map((g) => g.id)).toEqual(["A05:2021", "A07:2021"]);
    expect(top10[0]!.findings.map((x) => x.id).sort()).toEqual(["2", "3"]);
    const wcag = groupFindingsByFramework(findings, "wcag22");
    expect(wcag).toEqual([{ id: "1.4.3", title: "Contrast (Minimum)", level: "AA", findings: [findings[0]] }]);
  });

  it("sorts criteria as numbers (1.4.10 after 1.4.4)", () => {
    const groups = groupFindingsByFramework([f("1", "seo-viewport"), f("2", "a11y-zoom-disabled")], "wcag22");
    expect(groups.map((g) => g.id)).toEqual(["1.4.4", "1.4.10"]);
  });

  it("fails, passes or leaves untested each AA criterion", () => {
    const c = wcagConformance({ findings: [f("1", "axe-color-contrast"), f("2", "axe-image-alt", "accepted_risk")], pillars: ["accessibility"], site: "https://shop.example", scannedAt: new Date("2026-12-01T10:00:00Z"), pages: 3 });
    expect(c.failed.map((x) => x.id)).toEqual(["1.1.1", "1.4.3"]);
    expect(c.passed.map((x) => x.id)).toContain("3.1.1");
    expect(c.not_tested.map((x) => x.id)).toContain("2.4.7"); // focus visible: no automated rule
    expect(c.failed.length + c.passed.length + c.not_tested.length).toBe(55);
    expect(c.statement_draft).toContain("https://shop.example");
    expect(c.statement_draft).toContain("1.4.3 Contrast (Minimum)");
    expect(c.incomplete).toBe(false);

    const noA11y = wcagConformance({ findings: [], pillars: ["security"], site: "https://shop.example", scannedAt: null, pages: 1 });
    expect(noA11y.passed).toEqual([]);
    expect(noA11y.not_tested).toHaveLength(55);
  });
});
