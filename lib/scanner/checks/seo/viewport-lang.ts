// Mobile viewport and document language: both read by search engines (mobile-first indexing; language
// targeting) as well as by browsers and assistive technology.
import type { CheckDefinition } from "../../types";
import { fail } from "../shared/result";
import { parseViewport } from "../shared/viewport";
import { isIndexablePage } from "./pages";

export const viewport: CheckDefinition = {
  rule: "seo-viewport",
  pillar: "seo",
  severity: "medium",
  weight: 5,
  title: "Page is not set up for mobile (viewport)",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    const content = page.dom.metaViewport;
    const fix = 'Add <meta name="viewport" content="width=device-width, initial-scale=1"> to <head>.';
    if (content === null || content.trim() === "") {
      return [
        fail(viewport, {
          url: page.url,
          description: "The page has no <meta name=\"viewport\">. Phones render it as a zoomed-out desktop page, and Google indexes the mobile rendering (mobile-first indexing), so it ranks as not mobile-friendly.",
          fix,
          evidence: "No <meta name=\"viewport\"> tag.",
        }),
      ];
    }
    const vp = parseViewport(content);
    if (vp.width === undefined && vp.initialScale === undefined) {
      return [
        fail(viewport, {
          url: page.url,
          severity: "low",
          description: "The viewport tag sets neither width nor initial-scale, so mobile browsers fall back to a 980 px desktop layout.",
          fix,
          evidence: `<meta name="viewport" content="${content}">`,
          selector: 'meta[name="viewport"]',
        }),
      ];
    }
    return [];
  },
};

/** BCP 47 shape: language (2-3 letters; the 4-8 letter form is reserved and unused), optional script/region/variants; x-/i- private tags. */
const BCP47 = /^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$|^(?:x|i)(?:-[a-z\d]{1,8})+$/i;

export function isValidLang(lang: string): boolean {
  return BCP47.test(lang.trim().replace(/_/g, "-")) && !lang.includes("_");
}

export const htmlLang: CheckDefinition = {
  rule: "seo-html-lang",
  pillar: "seo",
  severity: "low",
  weight: 2,
  title: "Document language is missing or invalid",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    const lang = (page.dom.lang ?? "").trim();
    if (lang === "") {
      return [
        fail(htmlLang, {
          url: page.url,
          description: "The <html> element has no lang attribute. Search engines and browsers must guess the language (affecting language targeting, translation prompts and hyphenation), and screen readers may read the page with the wrong voice.",
          fix: 'Declare the language on the root element, e.g. <html lang="en"> (or "de", "fr-CA"…).',
          evidence: "<html> without lang",
          selector: "html",
        }),
      ];
    }
    if (isValidLang(lang)) return [];
    return [
      fail(htmlLang, {
        url: page.url,
        description: `lang="${lang.slice(0, 40)}" is not a valid BCP 47 language tag, so it is ignored.`,
        fix: 'Use a valid tag such as "en", "en-GB" or "pt-BR" (hyphen, not underscore).',
        evidence: `<html lang="${lang.slice(0, 40)}">`,
        selector: "html",
        key: "invalid",
      }),
    ];
  },
};
