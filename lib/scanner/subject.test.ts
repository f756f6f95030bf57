import { describe, expect, it } from "vitest";
import { allChecks } from "./checks";
import { dedupe } from "./dedupe";
import { normalizeSelector, subjectKindOf, SUBJECT_KINDS } from "./subject";
import type { CheckResult } from "./types";

describe("subjects", () => {
  it("every check declares a subject kind", () => {
    for (const c of allChecks) expect(SUBJECT_KINDS).toContain(subjectKindOf(c.rule));
    expect(subjectKindOf("axe-image-alt")).toBe("element");
    expect(subjectKindOf("seo-canonical-missing")).toBe("site");
    expect(subjectKindOf("perf-lcp")).toBe("page");
    expect(subjectKindOf("perf-unminified-code")).toBe("asset");
  });

  it("normalizes selectors to page-independent patterns", () => {
    expect(normalizeSelector(".gallery > img:nth-child(3)")).toBe(".gallery > img");
    expect(normalizeSelector("main   div:first-child>a")).toBe("main div > a");
    expect(normalizeSelector("#card-8f3a9c21 > .title")).toBe("* > .title");
    expect(normalizeSelector("#main-nav > ul > li:nth-of-type(2) > a")).toBe("#main-nav > ul > li > a");
    expect(normalizeSelector(".css-1q2w3e4 > button")).toBe("* > button");
    expect(normalizeSelector("#item-42")).toBe("*");
    expect(normalizeSelector(".col-md-6 > h2")).toBe(".col-md-6 > h2");
  });

  it("groups by subject: an asset across pages, a site-wide rule, an element pattern; pages stay apart for page rules", () => {
    const O = "https://shop.example";
    const r = (over: Partial<CheckResult>): CheckResult => ({ rule: "x", pillar: "performance", severity: "low", title: "", description: "", fix: "", url: `${O}/`, ...over });
    const pages = ["/", "/a", "/b"].map((p) => `${O}${p}`);
    const findings = dedupe(
      pages.flatMap((url, i) => [
        r({ rule: "perf-unminified-code", url, key: `${O}/js/vendor.js`, siteWide: true }),
        r({ rule: "seo-meta-description-missing", pillar: "seo", url, selector: 'meta[name="description"]' }),
        r({ rule: "axe-image-alt", pillar: "accessibility", url, selector: `main > img:nth-child(${i + 1})`, key: `main > img:nth-child(${i + 1})`, siteWide: true }),
        r({ rule: "perf-lcp", url }),
      ]),
      O,
    );
    const by = Object.fromEntries(findings.map((f) => [f.rule, findings.filter((g) => g.rule === f.rule)]));
    expect(by["perf-unminified-code"]).toHaveLength(1);
    expect(by["perf-unminified-code"][0].instances).toHaveLength(3);
    expect(by["perf-unminified-code"][0].instances?.[0]).toMatchObject({ url: pages[0], asset: `${O}/js/vendor.js` });
    expect(by["seo-meta-description-missing"]).toHaveLength(1);
    expect(by["seo-meta-description-missing"][0].urls).toEqual(pages);
    expect(by["axe-image-alt"]).toHaveLength(1);
    expect(by["axe-image-alt"][0].selector).toBe("main > img");
    expect(by["axe-image-alt"][0].instances?.map((i) => i.selector)).toEqual(["main > img:nth-child(1)", "main > img:nth-child(2)", "main > img:nth-child(3)"]);
    expect(by["perf-lcp"]).toHaveLength(3);
  });
});
