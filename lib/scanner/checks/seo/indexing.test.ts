import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, runCheck } from "../shared/test-artifacts";
import { canonicalConflict, canonicalCrossOrigin, canonicalHrefs, canonicalInvalid, canonicalMissing } from "./canonical";
import { hreflang } from "./hreflang";
import { noindex } from "./noindex";
import { pageStatus } from "./page-status";

const head = (links: string) => `<html lang="en"><head>${links}</head><body></body></html>`;

describe("canonical checks", () => {
  it("missing: fires low without a canonical link or Link header", () => {
    expect(failures(canonicalMissing, makeContext([makePage()]))[0].severity).toBe("low");
    expect(failures(canonicalMissing, makeContext([makePage({ dom: { canonical: "https://example.com/", canonicalCount: 1 } })]))).toEqual([]);
    expect(failures(canonicalMissing, makeContext([makePage({ responseHeaders: { link: '<https://example.com/>; rel="canonical"' } })]))).toEqual([]);
  });
  it("conflict: fires on distinct canonicals, not on repeated identical ones", () => {
    const html = head('<link rel="canonical" href="https://example.com/a"><link rel="canonical" href="https://example.com/b">');
    expect(canonicalHrefs(html)).toEqual(["https://example.com/a", "https://example.com/b"]);
    expect(failures(canonicalConflict, makeContext([makePage({ dom: { canonical: "https://example.com/a", canonicalCount: 2, html } })]))).toHaveLength(1);
    const same = head('<link rel="canonical" href="/a"><link rel=canonical href="https://example.com/a">');
    expect(failures(canonicalConflict, makeContext([makePage({ url: "https://example.com/a", dom: { canonical: "https://example.com/a", canonicalCount: 2, html: same } })]))).toEqual([]);
  });
  it("invalid: relative (low), http downgrade (medium), broken target (high); a good one passes", () => {
    const rel = failures(canonicalInvalid, makeContext([makePage({ dom: { canonical: "https://example.com/a", canonicalCount: 1, html: head('<link rel="canonical" href="/a">') } })]));
    expect(rel.map((r) => [r.key, r.severity])).toEqual([["relative", "low"]]);
    const http = failures(canonicalInvalid, makeContext([makePage({ dom: { canonical: "http://example.com/", canonicalCount: 1, html: head('<link rel="canonical" href="http://example.com/">') } })]));
    expect(http.map((r) => [r.key, r.severity])).toEqual([["http", "medium"]]);
    const broken = failures(
      canonicalInvalid,
      makeContext([makePage({ dom: { canonical: "https://example.com/gone", canonicalCount: 1, html: head('<link rel="canonical" href="https://example.com/gone">') } })], { linkStatus: { "https://example.com/gone": 404 } }),
    );
    expect(broken.map((r) => [r.key, r.severity])).toEqual([["broken", "high"]]);
    const good = makePage({ dom: { canonical: "https://example.com/", canonicalCount: 1, html: head('<link rel="canonical" href="https://example.com/">') } });
    expect(failures(canonicalInvalid, makeContext([good]))).toEqual([]);
  });
  it("cross-origin: fires low with the target host as key", () => {
    const r = failures(canonicalCrossOrigin, makeContext([makePage({ dom: { canonical: "https://staging.example.net/", canonicalCount: 1 } })]));
    expect(r[0]).toMatchObject({ key: "staging.example.net", severity: "low" });
    expect(failures(canonicalCrossOrigin, makeContext([makePage({ dom: { canonical: "https://example.com/x", canonicalCount: 1 } })]))).toEqual([]);
  });
});

describe("seo-noindex", () => {
  it("is high on the home page and on sitemap pages, low elsewhere", () => {
    const home = makePage({ url: "https://example.com/", dom: { metaRobots: "noindex, nofollow" } });
    expect(failures(noindex, makeContext([home]))[0].severity).toBe("high");
    const listed = makePage({ url: "https://example.com/pricing", responseHeaders: { "x-robots-tag": "noindex" } });
    const other = makePage({ url: "https://example.com/thanks", dom: { metaRobots: "noindex" } });
    const ctx = makeContext([makePage({ url: "https://example.com/" }), listed, other], {
      sitemaps: [{ url: "https://example.com/sitemap.xml", status: 200, urls: ["https://example.com/pricing"], valid: true }],
    });
    const r = failures(noindex, ctx);
    expect(r.map((x) => [x.url, x.severity])).toEqual([["https://example.com/pricing", "high"], ["https://example.com/thanks", "low"]]);
    expect(r[0].evidence).toContain("X-Robots-Tag: noindex");
  });
  it("ignores index pages and X-Robots-Tag scoped to minor bots", () => {
    expect(failures(noindex, makeContext([makePage({ dom: { metaRobots: "index, follow" } })]))).toEqual([]);
    expect(failures(noindex, makeContext([makePage({ responseHeaders: { "x-robots-tag": "otherbot: noindex" } })]))).toEqual([]);
    expect(failures(noindex, makeContext([makePage({ responseHeaders: { "x-robots-tag": "googlebot: noindex" } })]))).toHaveLength(1);
  });
});

describe("seo-page-status", () => {
  it("fires high when the start page answers an error, n/a for other pages", () => {
    expect(failures(pageStatus, makeContext([makePage({ status: 500 })]))[0].severity).toBe("high");
    expect(failures(pageStatus, makeContext([makePage()]))).toEqual([]);
    const other = makePage({ url: "https://example.com/deep", status: 404 });
    expect(runCheck(pageStatus, { ...makeContext([makePage({ url: "https://example.com/start" }), other]), page: other })).toEqual([]);
    expect(pageStatus.run({ ...makeContext([makePage({ url: "https://example.com/start" }), other]), page: other })).toBe("n/a");
  });
});

describe("seo-hreflang", () => {
  it("fires on invalid codes and missing return links; passes a consistent pair", () => {
    const en = makePage({ url: "https://example.com/en/", dom: { hreflangs: [{ hreflang: "en", href: "https://example.com/en/" }, { hreflang: "de", href: "https://example.com/de/" }, { hreflang: "english", href: "https://example.com/en/" }] } });
    const de = makePage({ url: "https://example.com/de/", dom: { hreflangs: [{ hreflang: "de", href: "https://example.com/de/" }] } });
    const r = failures(hreflang, makeContext([en, de]));
    expect(r).toHaveLength(1);
    expect(r[0].url).toBe("https://example.com/en/");
    expect(r[0].evidence).toContain('invalid language code "english"');
    expect(r[0].evidence).toContain("https://example.com/de/ (\"de\") does not link back");
    const deOk = makePage({ url: "https://example.com/de/", dom: { hreflangs: [{ hreflang: "de", href: "https://example.com/de/" }, { hreflang: "en", href: "https://example.com/en/" }] } });
    const enOk = makePage({ url: "https://example.com/en/", dom: { hreflangs: [{ hreflang: "en", href: "https://example.com/en/" }, { hreflang: "de", href: "https://example.com/de/" }, { hreflang: "x-default", href: "https://example.com/en/" }] } });
    expect(failures(hreflang, makeContext([enOk, deOk]))).toEqual([]);
    expect(runCheck(hreflang, makeContext([makePage()]))).toBe("n/a");
  });
});

