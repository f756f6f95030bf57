// The h1 names the page's main topic for search engines and for screen-reader users jumping to it.
import type { CheckDefinition } from "../../types";
import { fail } from "../shared/result";
import { isIndexablePage } from "./pages";

export const h1Missing: CheckDefinition = {
  rule: "seo-h1-missing",
  pillar: "seo",
  severity: "medium",
  weight: 4,
  title: "Page has no h1 heading",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    if (page.dom.h1Count > 0) return [];
    const outline = page.dom.headings.slice(0, 8).map((h) => `h${h.level} ${h.text.slice(0, 80)}`).join("\n");
    return [
      fail(h1Missing, {
        url: page.url,
        description: "The page has no <h1>. The main heading is one of the strongest signals of what a page is about, and screen-reader users use it to find where the content starts.",
        fix: "Mark the page's main title up as the single <h1> (style it with CSS if the design wants it smaller).",
        evidence: outline ? `Headings found:\n${outline}` : "No headings at all.",
      }),
    ];
  },
};

export const h1Multiple: CheckDefinition = {
  rule: "seo-h1-multiple",
  pillar: "seo",
  severity: "low",
  weight: 1,
  title: "Page has more than one h1",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    if (page.dom.h1Count <= 1) return page.dom.h1Count === 1 ? [] : "n/a";
    const h1s = page.dom.headings.filter((h) => h.level === 1).slice(0, 10).map((h) => `h1 ${h.text.slice(0, 100)}`);
    return [
      fail(h1Multiple, {
        url: page.url,
        description: `The page has ${page.dom.h1Count} <h1> elements. HTML allows it, but one h1 states the page's topic unambiguously; several compete with each other (often a logo or a section title marked up as h1).`,
        fix: "Keep one <h1> for the page's main topic and turn the others into <h2>/<h3> (or plain elements, for logos).",
        evidence: h1s.join("\n"),
      }),
    ];
  },
};
