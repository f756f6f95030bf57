import { describe, expect, it } from "vitest";
import { makeContext, makePage, runCheck } from "../shared/test-artifacts";
import { checks } from "./index";

describe("performance check definitions", () => {
  it("have unique kebab-case rule ids, the right pillar, a title and a non-negative weight", () => {
    const ids = checks.map((c) => c.rule);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of checks) {
      expect(c.rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.pillar).toBe("performance");
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.weight).toBeGreaterThanOrEqual(0);
      expect(["page", "site"]).toContain(c.scope);
    }
  });

  it("raise nothing medium-or-worse on well-formed artifacts", () => {
    const pages = [
      makePage({ url: "https://example.com/", dom: { title: "Example home – a well-built page", canonical: "https://example.com/", canonicalCount: 1 } }),
      makePage({ url: "https://example.com/about", dom: { title: "About us – Example", canonical: "https://example.com/about", canonicalCount: 1 } }),
    ];
    const ctx = makeContext(pages, { sitemaps: [{ url: "https://example.com/sitemap.xml", status: 200, urls: ["https://example.com/", "https://example.com/about"], valid: true }] });
    const serious = checks.flatMap((c) => {
      const r = runCheck(c, ctx);
      return r === "n/a" ? [] : r.filter((x) => ["critical", "high", "medium"].includes(x.severity)).map((x) => `${x.rule}: ${x.title}`);
    });
    expect(serious).toEqual([]);
  });
});
