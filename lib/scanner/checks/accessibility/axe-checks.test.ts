import { describe, expect, it } from "vitest";
import type { AxeArtifact, AxeViolation } from "../../types";
import { failures, makeContext, makePage, runCheck } from "../shared/test-artifacts";
import { axeChecks, axeRunCheck, MAX_NODES_PER_RULE } from "./axe-checks";
import { checks } from "./index";

function axeResult(overrides: Partial<AxeArtifact> = {}): AxeArtifact {
  return { violations: [], passes: [], incomplete: [], inapplicable: [], ...overrides };
}

function violation(id: string, overrides: Partial<AxeViolation> = {}): AxeViolation {
  return {
    id,
    impact: "critical",
    description: "Ensures <img> elements have alternative text or a role of none or presentation",
    help: "Images must have alternative text",
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${id}?application=axeAPI`,
    tags: ["wcag2a", "wcag111"],
    nodes: [{ target: ["main > img:nth-child(2)"], html: '<img src="/hero.jpg">', failureSummary: "Fix any of the following:\n  Element does not have an alt attribute" }],
    ...overrides,
  };
}

const def = (rule: string) => {
  const d = checks.find((c) => c.rule === rule);
  if (!d) throw new Error(`no check ${rule}`);
  return d;
};

describe("axe rule checks", () => {
  it("define one check per WCAG A/AA axe rule with stable kebab-case ids and impact weights", () => {
    expect(axeChecks.length).toBeGreaterThanOrEqual(60);
    const ids = checks.map((c) => c.rule);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of axeChecks) {
      expect(c.rule).toMatch(/^axe-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.pillar).toBe("accessibility");
      expect([10, 7, 3, 1]).toContain(c.weight);
    }
    expect(def("axe-image-alt")).toMatchObject({ severity: "high", weight: 10 });
    expect(def("axe-color-contrast")).toMatchObject({ severity: "medium", weight: 7 });
  });

  it("emit one result per failing element, keyed by selector, with html + failure summary as evidence", () => {
    const page = makePage({
      axe: axeResult({
        violations: [
          violation("image-alt", {
            nodes: [
              { target: ["main > img:nth-child(2)"], html: '<img src="/hero.jpg">', failureSummary: "Element does not have an alt attribute" },
              { target: ["iframe#ad", "img.logo"], html: '<img class="logo" src="/l.png">', failureSummary: "Element does not have an alt attribute" },
            ],
          }),
        ],
      }),
    });
    const results = failures(def("axe-image-alt"), makeContext([page]));
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      rule: "axe-image-alt",
      pillar: "accessibility",
      severity: "high",
      selector: "main > img:nth-child(2)",
      key: "main > img:nth-child(2)",
      siteWide: true,
      url: page.url,
    });
    expect(results[0].evidence).toContain('<img src="/hero.jpg">');
    expect(results[0].evidence).toContain("does not have an alt attribute");
    expect(results[0].fix).toContain("alt");
    expect(results[0].fix).toContain("dequeuniversity.com");
    expect(results[0].description).toContain("1.1.1");
    expect(results[1].selector).toBe("iframe#ad >> img.logo");
  });

  it("map the violation's impact to severity (serious -> medium, minor -> low)", () => {
    const page = makePage({ axe: axeResult({ violations: [violation("color-contrast", { impact: "serious" }), violation("aria-deprecated-role", { impact: "minor" })] }) });
    expect(failures(def("axe-color-contrast"), makeContext([page]))[0].severity).toBe("medium");
    expect(failures(def("axe-aria-deprecated-role"), makeContext([page]))[0].severity).toBe("low");
  });

  it("cap evidence and the number of elements reported per rule and page", () => {
    const nodes = Array.from({ length: 40 }, (_, i) => ({ target: [`li:nth-child(${i + 1}) > a`], html: `<a href="#">${"x".repeat(5000)}</a>` }));
    const page = makePage({ axe: axeResult({ violations: [violation("link-name", { impact: "serious", nodes })] }) });
    const results = failures(def("axe-link-name"), makeContext([page]));
    expect(results).toHaveLength(MAX_NODES_PER_RULE);
    expect(results[0].description).toContain("40 elements");
    for (const r of results) expect(r.evidence!.length).toBeLessThanOrEqual(2000);
  });

  it("pass when axe lists the rule as passed, n/a when inapplicable, incomplete-only or not run", () => {
    const passed = makePage({ axe: axeResult({ passes: ["image-alt"], inapplicable: ["video-caption"], incomplete: ["color-contrast"] }) });
    const ctx = makeContext([passed]);
    expect(runCheck(def("axe-image-alt"), ctx)).toEqual([]);
    expect(runCheck(def("axe-video-caption"), ctx)).toBe("n/a");
    expect(runCheck(def("axe-color-contrast"), ctx)).toBe("n/a");
    expect(runCheck(def("axe-bypass"), ctx)).toBe("n/a");
  });

  it("report nothing for a page where axe errored, and surface the error through axe-run", () => {
    const broken = makePage({ axe: axeResult({ error: "Execution context was destroyed", violations: [violation("image-alt")] }) });
    expect(runCheck(def("axe-image-alt"), makeContext([broken]))).toBe("n/a");
    expect(() => runCheck(axeRunCheck, makeContext([broken]))).toThrow(/axe-core failed.*Execution context/);
    expect(() => runCheck(axeRunCheck, makeContext([makePage({ axe: null })]))).toThrow(/no result/);
    expect(runCheck(axeRunCheck, makeContext([makePage()]))).toEqual([]);
  });
});
