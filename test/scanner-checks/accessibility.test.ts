// The accessibility fixture site (test/fixtures/sites/a11y) marks every defect with an element id; a real
// scan (Chromium + axe-core) must report each rule on that element, mapped to the documented severity.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanSite } from "@/lib/scanner";
import type { Finding, ScanResult, Severity } from "@/lib/scanner/types";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const ROOT = path.resolve(import.meta.dirname, "../fixtures/sites/a11y");

/** rule -> [page path, selector fragment, severity] */
const EXPECTED: Record<string, [string, string, Severity]> = {
  "axe-image-alt": ["/", "#no-alt", "high"],
  "axe-label": ["/", "#unlabeled", "high"],
  "axe-select-name": ["/", "#unnamed-select", "high"],
  "axe-button-name": ["/", "#empty-button", "high"],
  "axe-aria-roles": ["/", "#bad-role", "high"],
  "axe-link-name": ["/", "#icon-link", "medium"],
  "axe-color-contrast": ["/", "#low-contrast", "medium"],
  "axe-frame-title": ["/", "#untitled-frame", "medium"],
  "axe-html-has-lang": ["/nolang", "html", "medium"],
  "axe-meta-viewport": ["/nolang", "meta", "medium"],
  "axe-html-lang-valid": ["/badlang", "html", "medium"],
  "axe-document-title": ["/untitled", "html", "medium"],
  "axe-list": ["/alt-text", "#broken-list", "medium"],
  "a11y-image-alt-meaningless": ["/alt-text", "#camera-alt", "medium"],
  "a11y-heading-order": ["/alt-text", "", "low"],
};

describe("accessibility checks on the a11y fixture site", () => {
  let server: FixtureServer;
  let result: ScanResult;
  beforeAll(async () => {
    server = await startFixtureServer({ root: ROOT });
    result = await scanSite({ url: `${server.origin}/`, allowPrivate: true, maxPages: 8, pillars: ["accessibility"] });
  }, 120_000);
  afterAll(async () => server?.close());

  const findings = (rule: string): Finding[] => result.findings.filter((f) => f.rule === rule);

  it("crawls the fixture pages and runs axe on each without errors", () => {
    expect(result.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(["/", "/alt-text", "/badlang", "/nolang", "/untitled"]);
    expect(result.checks.filter((c) => c.pillar === "accessibility" && c.outcome === "error")).toEqual([]);
  });

  for (const [rule, [page, selector, severity]] of Object.entries(EXPECTED)) {
    it(`${rule} fires on ${page} ${selector}`, () => {
      const f = findings(rule);
      expect(f.length, `${rule} did not fire`).toBeGreaterThan(0);
      const match = f.find((x) => x.urls.some((u) => new URL(u).pathname === page) && (x.selector ?? "").includes(selector));
      expect(match, `${rule}: no finding on ${page} ${selector}; got ${JSON.stringify(f.map((x) => [x.urls, x.selector]))}`).toBeDefined();
      expect(match!.severity).toBe(severity);
      expect(match!.fix.length).toBeGreaterThan(20);
      if (rule.startsWith("axe-")) {
        expect(match!.evidence).toMatch(/<[a-z]/); // the failing element's HTML
        expect(match!.fix).toContain("dequeuniversity.com");
      }
    });
  }

  it("does not double-report zoom when axe judged the viewport", () => {
    expect(findings("a11y-zoom-disabled")).toEqual([]);
  });

  it("reports only the marked defects (no false alarms on the accessible markup)", () => {
    const expected = (f: Finding, page: string) => {
      const e = EXPECTED[f.rule];
      return e !== undefined && e[0] === page && (f.selector ?? "").includes(e[1]);
    };
    const unexpected = result.findings
      .flatMap((f) => f.urls.map((u) => ({ f, page: new URL(u).pathname })))
      .filter(({ f, page }) => !expected(f, page))
      .map(({ f, page }) => `${f.rule} ${page} ${f.selector ?? ""}`);
    expect(unexpected).toEqual([]);
  });
});
