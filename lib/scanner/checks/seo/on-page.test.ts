import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, runCheck } from "../shared/test-artifacts";
import { h1Missing, h1Multiple } from "./headings";
import { linkText } from "./link-text";
import { metaDescriptionLength, metaDescriptionMissing } from "./meta-description";
import { titleDuplicate, titleLength, titleMissing } from "./title";
import { htmlLang, isValidLang, viewport } from "./viewport-lang";

const link = (href: string, text: string, extra = {}) => ({ href, text, sameOrigin: true, ...extra });

describe("title checks", () => {
  it("seo-title-missing fires on no or empty title, not on a present one or an error page", () => {
    expect(failures(titleMissing, makeContext([makePage({ dom: { title: null } })]))).toHaveLength(1);
    expect(failures(titleMissing, makeContext([makePage({ dom: { title: "   " } })]))[0].severity).toBe("medium");
    expect(failures(titleMissing, makeContext([makePage()]))).toEqual([]);
    expect(runCheck(titleMissing, makeContext([makePage({ status: 404, dom: { title: null } })]))).toBe("n/a");
  });
  it("seo-title-length fires outside 10-60 characters and on several <title> elements", () => {
    expect(failures(titleLength, makeContext([makePage({ dom: { title: "Home" } })]))[0].title).toMatch(/too short/);
    expect(failures(titleLength, makeContext([makePage({ dom: { title: "A".repeat(75) } })]))[0].title).toMatch(/too long/);
    expect(failures(titleLength, makeContext([makePage({ dom: { title: "Pricing plans – Acme" } })]))).toEqual([]);
    const two = failures(titleLength, makeContext([makePage({ dom: { title: "Pricing plans – Acme", titleCount: 2 } })]));
    expect(two).toHaveLength(1);
    expect(two[0].key).toBe("multiple");
  });
  it("seo-title-duplicate reports every page of a group under one site-wide key", () => {
    const pages = [
      makePage({ url: "https://example.com/a", dom: { title: "Acme Widgets" } }),
      makePage({ url: "https://example.com/b", dom: { title: "acme  widgets" } }),
      makePage({ url: "https://example.com/c", dom: { title: "Contact – Acme" } }),
    ];
    const r = failures(titleDuplicate, makeContext(pages));
    expect(r.map((x) => x.url)).toEqual(["https://example.com/a", "https://example.com/b"]);
    expect(new Set(r.map((x) => x.key))).toEqual(new Set(["acme widgets"]));
    expect(r[0].siteWide).toBe(true);
  });
  it("seo-title-duplicate ignores noindex pages and pages canonicalised elsewhere", () => {
    const pages = [
      makePage({ url: "https://example.com/a", dom: { title: "Same" } }),
      makePage({ url: "https://example.com/b", dom: { title: "Same", metaRobots: "noindex" } }),
      makePage({ url: "https://example.com/a?page=2", dom: { title: "Same", canonical: "https://example.com/a", canonicalCount: 1 } }),
    ];
    expect(failures(titleDuplicate, makeContext(pages))).toEqual([]);
  });
});

describe("meta description checks", () => {
  it("missing fires medium; length fires low outside 50-160", () => {
    expect(failures(metaDescriptionMissing, makeContext([makePage({ dom: { metaDescription: null } })]))[0].severity).toBe("medium");
    expect(failures(metaDescriptionMissing, makeContext([makePage()]))).toEqual([]);
    expect(failures(metaDescriptionLength, makeContext([makePage({ dom: { metaDescription: "Short." } })]))[0].title).toMatch(/too short/);
    expect(failures(metaDescriptionLength, makeContext([makePage({ dom: { metaDescription: "x".repeat(200) } })]))[0].title).toMatch(/too long/);
    expect(failures(metaDescriptionLength, makeContext([makePage({ dom: { metaDescription: "Acme makes durable widgets for labs and workshops; see plans and prices." } })]))).toEqual([]);
  });
});

describe("h1 checks", () => {
  it("fire on none (medium) and on several (low); pass on exactly one", () => {
    expect(failures(h1Missing, makeContext([makePage({ dom: { h1Count: 0, headings: [{ level: 2, text: "Intro" }] } })]))[0].evidence).toContain("h2 Intro");
    expect(failures(h1Multiple, makeContext([makePage({ dom: { h1Count: 2, headings: [{ level: 1, text: "Logo" }, { level: 1, text: "Title" }] } })]))).toHaveLength(1);
    expect(failures(h1Missing, makeContext([makePage()]))).toEqual([]);
    expect(failures(h1Multiple, makeContext([makePage()]))).toEqual([]);
  });
});

describe("seo-viewport and seo-html-lang", () => {
  it("viewport: missing is medium, without width/initial-scale is low, a proper one passes", () => {
    expect(failures(viewport, makeContext([makePage({ dom: { metaViewport: null } })]))[0].severity).toBe("medium");
    expect(failures(viewport, makeContext([makePage({ dom: { metaViewport: "user-scalable=yes" } })]))[0].severity).toBe("low");
    expect(failures(viewport, makeContext([makePage()]))).toEqual([]);
  });
  it("lang: missing or invalid fire, valid BCP 47 tags pass", () => {
    expect(failures(htmlLang, makeContext([makePage({ dom: { lang: null } })]))).toHaveLength(1);
    expect(failures(htmlLang, makeContext([makePage({ dom: { lang: "en_US" } })]))[0].key).toBe("invalid");
    for (const ok of ["en", "en-GB", "pt-BR", "zh-Hant-TW", "es-419", "x-klingon"]) expect(isValidLang(ok), ok).toBe(true);
    for (const bad of ["english", "e", "en_GB", "en-", "123"]) expect(isValidLang(bad), bad).toBe(false);
  });
});

describe("seo-link-text", () => {
  it("groups generic phrases per page, keyed by phrase", () => {
    const page = makePage({
      dom: {
        links: [
          link("https://example.com/p1", "Read more"),
          link("https://example.com/p2", "read more →"),
          link("https://example.com/docs", "click here."),
          link("https://example.com/pricing", "See pricing plans"),
          link("https://example.com/p3", "Read more", { ariaLabel: "Read more about widget safety" }),
          link("https://example.com/ad", "here", { nofollow: true }),
          link("https://example.com/#menu", "More"),
        ],
      },
    });
    const r = failures(linkText, makeContext([page]));
    expect(r.map((x) => x.key).sort()).toEqual(["click here", "read more"]);
    expect(r.find((x) => x.key === "read more")!.evidence).toContain("https://example.com/p2");
    expect(r[0].severity).toBe("low");
  });
  it("flags truly empty links only when gather reports image alt text", () => {
    const judged = makePage({ dom: { links: [link("https://example.com/cart", "", { imageAlt: "" }), link("https://example.com/", "", { imageAlt: "Acme home" })] } });
    const r = failures(linkText, makeContext([judged]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ key: "(empty)" });
    expect(r[0].evidence).toBe("https://example.com/cart");
    const unknown = makePage({ dom: { links: [link("https://example.com/cart", "")] } });
    expect(failures(linkText, makeContext([unknown]))).toEqual([]);
  });
});
