import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SECURITY_CLEAN_BONUS, securityGrade, securityScore, securityTests } from "./scores";
import { SEVERITIES, type CheckOutcome, type Severity } from "./types";

const f = (rule: string, severity: Severity, pillar: "security" | "seo" = "security") => ({ rule, severity, pillar });
const o = (rule: string, outcome: CheckOutcome["outcome"], pillar: "security" | "seo" = "security") => ({ rule, outcome, pillar });

describe("securityTests: the security grade explained", () => {
  it("lists every security test with pass/fail and its modifier, worst severity per rule", () => {
    const table = securityTests(
      [o("hsts", "fail"), o("csp", "pass"), o("sri", "n/a"), o("cors", "error"), o("title", "fail", "seo")],
      [f("hsts", "medium"), f("hsts", "high"), f("title", "critical", "seo")],
      new Map([["hsts", "Strict-Transport-Security"]]),
    );
    expect(table.tests).toEqual([
      { rule: "hsts", title: "Strict-Transport-Security", outcome: "fail", severity: "high", modifier: -25 },
      { rule: "csp", title: "csp", outcome: "pass", severity: null, modifier: 0 },
      { rule: "sri", title: "sri", outcome: "n/a", severity: null, modifier: 0 },
      { rule: "cors", title: "cors", outcome: "error", severity: null, modifier: 0 },
    ]);
    expect(table.bonus).toBe(0);
    expect(table.score).toBe(75);
    expect(table.grade).toBe("B");
  });

  it("earns the bonus when nothing fails at low or above", () => {
    const table = securityTests([o("a", "pass"), o("b", "fail")], [f("b", "info")]);
    expect(table.bonus).toBe(SECURITY_CLEAN_BONUS);
    expect(table.tests[1]).toMatchObject({ outcome: "fail", severity: "info", modifier: 0 });
    expect(table.score).toBe(105);
    expect(table.grade).toBe("A+");
  });

  it("always adds up to securityScore and securityGrade", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ rule: fc.constantFrom("a", "b", "c", "d", "e"), severity: fc.constantFrom(...SEVERITIES) }), { maxLength: 12 }), (rows) => {
        const findings = rows.map((r) => f(r.rule, r.severity));
        const table = securityTests([], findings);
        const sum = 100 + table.tests.reduce((s, t) => s + t.modifier, 0) + table.bonus;
        expect(table.score).toBe(Math.max(0, sum));
        expect(table.score).toBe(securityScore(findings));
        expect(table.grade).toBe(securityGrade(findings));
      }),
    );
  });
});
