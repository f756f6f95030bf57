// Meta description: the snippet text search results usually show under the title. Google displays about
// 155–160 characters; under 50 it rarely summarises the page.
import type { CheckDefinition } from "../../types";
import { fail } from "../shared/result";
import { isIndexablePage } from "./pages";

const MIN = 50;
const MAX = 160;

export const metaDescriptionMissing: CheckDefinition = {
  rule: "seo-meta-description-missing",
  pillar: "seo",
  severity: "medium",
  weight: 5,
  title: "Page has no meta description",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    if ((page.dom.metaDescription ?? "").trim() !== "") return [];
    return [
      fail(metaDescriptionMissing, {
        url: page.url,
        description: "The page has no meta description (or an empty one). Search engines then pick a random sentence from the page as the snippet under your title, which usually converts worse.",
        fix: `Add <meta name="description" content="…"> with a ${MIN}–${MAX} character summary that tells searchers what they will find and why to click.`,
        evidence: page.dom.metaDescription === null ? 'No <meta name="description">.' : 'The description content is empty.',
        selector: 'meta[name="description"]',
      }),
    ];
  },
};

export const metaDescriptionLength: CheckDefinition = {
  rule: "seo-meta-description-length",
  pillar: "seo",
  severity: "low",
  weight: 1,
  title: "Meta description is too short or too long",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    const d = (page.dom.metaDescription ?? "").trim().replace(/\s+/g, " ");
    if (d === "") return "n/a";
    if (d.length >= MIN && d.length <= MAX) return [];
    const short = d.length < MIN;
    return [
      fail(metaDescriptionLength, {
        url: page.url,
        title: short ? "Meta description is too short" : "Meta description is too long",
        description: short
          ? `The meta description has ${d.length} characters, too little to summarise the page; search engines often replace it with text of their own.`
          : `The meta description has ${d.length} characters; search results cut it at about ${MAX}, so the end is lost.`,
        fix: `Rewrite it to ${MIN}–${MAX} characters with the key message first.`,
        evidence: `${d.slice(0, 400)} (${d.length} characters)`,
        selector: 'meta[name="description"]',
      }),
    ];
  },
};
