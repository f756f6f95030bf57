// Pure engine pieces: check runner, dedupe + fingerprint, scores and grades. No browser.
import { describe, expect, it } from "vitest";
import { dedupe, fingerprint, fingerprintHost } from "@/lib/scanner/dedupe";
import { failedPage } from "@/lib/scanner/gather/page";
import { evaluateArtifacts } from "@/lib/scanner";
import { runChecks } from "@/lib/scanner/run-checks";
import { gradeFromScore, overallGrade, pillarScores, securityGrade, securityScore } from "@/lib/scanner/scores";
import type { Artifacts, CheckDefinition, CheckResult, Finding, SiteArtifacts } from "@/lib/scanner/types";

function site(origin = "https://shop.example"): SiteArtifacts {
  return {
    origin, robotsTxt: null, sitemaps: [], securityTxt: null, gitConfig: null, envFile: null, gpcJson: null, sourceMaps: [],
    linkStatus: {}, sitemapUrlStatus: {}, corsProbe: null,
  };
}

function artifacts(urls: string[]): Artifacts {
  return { site: site(), pages: urls.map((u) => ({ ...failedPage(u, ""), status: 200, errors: [] })) };
}

function result(over: Partial<CheckResult>): CheckResult {
  return { rule: "r", pillar: "seo", severity: "low", title: "T", description: "D", fix: "F", url: "https://shop.example/", ...over };
}

describe("runChecks", () => {
  const pages = ["https://shop.example/", "https://shop.example/a", "https://shop.example/b", "https://shop.example/c"];
  const failsOnA: CheckDefinition = {
    rule: "fails-on-a", pillar: "seo", severity: "medium", weight: 2, title: "A", scope: "page",
    run: ({ page }) => (page!.url.endsWith("/a") ? [result({ rule: "fails-on-a", url: page!.url })] : []),
  };
  const throws: CheckDefinition = { rule: "throws", pillar: "seo", severity: "high", weight: 1, title: "X", scope: "site", run: () => { throw new Error("boom"); } };
  const notApplicable: CheckDefinition = { rule: "na", pillar: "seo", severity: "high", weight: 5, title: "N", scope: "site", run: () => "n/a" };
  const garbage = { rule: "garbage", pillar: "seo", severity: "high", weight: 1, title: "G", scope: "site", run: () => "nope" } as unknown as CheckDefinition;

  it("isolates failures, records n/a, and gives page checks a partial pass rate", () => {
    const { results, outcomes } = runChecks(artifacts(pages), [failsOnA, throws, notApplicable, garbage]);
    expect(results).toHaveLength(1);
    const byRule = Object.fromEntries(outcomes.map((o) => [o.rule, o]));
    expect(byRule["fails-on-a"]).toMatchObject({ outcome: "fail", passRate: 0.75 });
    expect(byRule["throws"]).toMatchObject({ outcome: "error", error: "boom" });
    expect(byRule["na"].outcome).toBe("n/a");
    expect(byRule["garbage"].outcome).toBe("error");
    expect(pillarScores(outcomes).seo).toBe(75); // n/a and errors weigh 0
  });

  it("skips pages that failed to load", () => {
    const a = artifacts(pages);
    a.pages[1].status = null;
    const { outcomes } = runChecks(a, [failsOnA]);
    expect(outcomes[0]).toMatchObject({ outcome: "pass", passRate: 1 });
  });

  it("caps evidence and fills missing fields from the definition", () => {
    const def: CheckDefinition = {
      rule: "big", pillar: "security", severity: "high", weight: 1, title: "Big", scope: "site",
      run: () => [{ ...result({ rule: "big", pillar: "security" }), severity: "bogus" as never, evidence: "x".repeat(10_000) }],
    };
    const { results } = runChecks(artifacts(pages), [def]);
    expect(results[0].evidence).toHaveLength(2_000);
    expect(results[0].severity).toBe("high");
  });
});

describe("dedupe and fingerprints", () => {
  it("merges a page rule on pages of one template into one finding with many URLs", () => {
    const findings = dedupe(
      [
        result({ rule: "a11y-heading-order", selector: "main > img", url: "https://shop.example/products/1" }),
        result({ rule: "a11y-heading-order", selector: "main > img", url: "https://shop.example/products/2", severity: "high" }),
        result({ rule: "a11y-heading-order", selector: "main > img", url: "https://shop.example/about" }),
      ],
      "https://www.shop.example/",
    );
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ severity: "high", urls: ["https://shop.example/products/1", "https://shop.example/products/2"] });
  });

  it("makes one finding per site for site-wide keys, whatever the page", () => {
    const findings = dedupe(
      [
        result({ rule: "missing-header", key: "x-content-type-options", siteWide: true, url: "https://shop.example/a" }),
        result({ rule: "missing-header", key: "x-content-type-options", siteWide: true, url: "https://shop.example/b/c" }),
        result({ rule: "missing-header", key: "referrer-policy", siteWide: true, url: "https://shop.example/a" }),
      ],
      "https://shop.example",
    );
    expect(findings).toHaveLength(2);
    expect(findings.find((f) => f.key === "x-content-type-options")!.urls).toHaveLength(2);
  });

  it("fingerprints ignore changing text and www, but not rule, host or key", () => {
    const host = fingerprintHost("https://www.Shop.example/x");
    expect(host).toBe("shop.example");
    const base = { pillar: "cookies" as const, rule: "cookie-no-secure", key: "sid" };
    const a = dedupe([result({ ...base, url: "https://shop.example/", description: "seen 3 times", evidence: "v=1" })], "https://shop.example")[0];
    const b = dedupe([result({ ...base, url: "https://shop.example/", description: "seen 9 times", evidence: "v=2" })], "https://www.shop.example")[0];
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const at = { ...base, url: "https://shop.example/elsewhere" };
    expect(fingerprint(host, { ...at, key: "other" })).not.toBe(a.fingerprint);
    expect(fingerprint("other.example", at)).not.toBe(a.fingerprint);
    // an asset (here a cookie) is one finding whatever page it was seen on
    expect(fingerprint(host, at)).toBe(a.fingerprint);
  });

  it("sorts worst first", () => {
    const f = dedupe([result({ rule: "a", severity: "low" }), result({ rule: "b", severity: "critical" }), result({ rule: "c", severity: "medium" })], "https://shop.example");
    expect(f.map((x) => x.severity)).toEqual(["critical", "medium", "low"]);
  });
});

describe("scores and grades", () => {
  const finding = (over: Partial<Finding>): Finding => ({
    pillar: "security", rule: "r", severity: "low", title: "", description: "", url: "", urls: [], fix: "", fingerprint: "f", ...over,
  });
  it("weights pillar scores and leaves pillars without applicable checks out", () => {
    const scores = pillarScores([
      { rule: "a", pillar: "security", outcome: "pass", passRate: 1, weight: 3 },
      { rule: "b", pillar: "security", outcome: "fail", passRate: 0, weight: 1 },
      { rule: "c", pillar: "security", outcome: "n/a", weight: 10 },
      { rule: "d", pillar: "seo", outcome: "error", weight: 1 },
    ]);
    expect(scores).toEqual({ security: 75 });
  });
  it("grades security Observatory-style: modifiers per failing rule, bonus when clean", () => {
    expect(securityScore([])).toBe(105);
    expect(securityGrade([])).toBe("A+");
    expect(securityGrade([finding({ severity: "info" })])).toBe("A+");
    expect(securityGrade([finding({ severity: "low" })])).toBe("A");
    expect(securityGrade([finding({ severity: "high" }), finding({ severity: "high" })])).toBe("B"); // one rule counts once
    expect(securityGrade([finding({ rule: "x", severity: "high" }), finding({ rule: "y", severity: "high" })])).toBe("C");
    expect(securityGrade([finding({ rule: "x", severity: "critical" }), finding({ rule: "y", severity: "critical" })])).toBe("F");
    expect(securityGrade([finding({ pillar: "seo", severity: "critical" })])).toBe("A+");
  });
  it("caps the overall grade by the worst open severity", () => {
    expect(gradeFromScore(98)).toBe("A+");
    expect(gradeFromScore(59)).toBe("F");
    expect(overallGrade(99, [])).toBe("A+");
    expect(overallGrade(99, [{ severity: "info" }])).toBe("A+");
    expect(overallGrade(99, [{ severity: "low" }])).toBe("A");
    expect(overallGrade(99, [{ severity: "medium" }])).toBe("B");
    expect(overallGrade(99, [{ severity: "high" }])).toBe("C");
    expect(overallGrade(99, [{ severity: "critical" }, { severity: "low" }])).toBe("D");
    expect(overallGrade(40, [{ severity: "high" }])).toBe("F");
  });
  it("evaluateArtifacts filters by pillar and only grades security when asked", () => {
    const def: CheckDefinition = { rule: "seo-x", pillar: "seo", severity: "medium", weight: 1, title: "X", scope: "site", run: () => [result({ rule: "seo-x", severity: "medium" })] };
    const sec: CheckDefinition = { rule: "sec-x", pillar: "security", severity: "high", weight: 1, title: "S", scope: "site", run: () => [] };
    const out = evaluateArtifacts(artifacts(["https://shop.example/"]), { target: "https://shop.example/", pillars: ["seo"], checks: [def, sec] });
    expect(out.scores).toEqual({ seo: 0 });
    expect(out.security_grade).toBeUndefined();
    expect(out.grade).toBe("F");
    expect(out.findings).toHaveLength(1);
  });
});
