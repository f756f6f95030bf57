// <title>: present, a useful length, unique across the site. Search results show the title as the link
// text; Google truncates around 600 px (about 60 characters).
import type { CheckDefinition, CheckResult, PageArtifacts } from "../../types";
import { fail } from "../shared/result";
import { isIndexablePage, keyOf } from "./pages";
import { robotsDirectives } from "./noindex";

const MIN = 10;
const MAX = 60;

export const titleMissing: CheckDefinition = {
  rule: "seo-title-missing",
  pillar: "seo",
  severity: "medium",
  weight: 8,
  title: "Page has no title",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    const title = (page.dom.title ?? "").trim();
    if (title !== "") return [];
    return [
      fail(titleMissing, {
        url: page.url,
        description: "The page has no <title> (or an empty one). Search engines then invent a title from the page content, and browser tabs, bookmarks and shared links show only the URL.",
        fix: "Add a unique, descriptive <title> in <head>, 10–60 characters, with the page's main topic first and the brand last (e.g. \"Pricing – Acme\").",
        evidence: page.dom.title === null ? "No <title> element." : "<title></title> is empty.",
        selector: "title",
      }),
    ];
  },
};

export const titleLength: CheckDefinition = {
  rule: "seo-title-length",
  pillar: "seo",
  severity: "low",
  weight: 2,
  title: "Page title is too short or too long",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    const title = (page.dom.title ?? "").trim().replace(/\s+/g, " ");
    if (title === "") return "n/a";
    const results: CheckResult[] = [];
    if (title.length < MIN || title.length > MAX) {
      const short = title.length < MIN;
      results.push(
        fail(titleLength, {
          url: page.url,
          title: short ? "Page title is too short" : "Page title is too long",
          description: short
            ? `The title has ${title.length} characters. A title this short rarely says what the page offers, so it earns fewer clicks in search results.`
            : `The title has ${title.length} characters; search results cut titles at about ${MAX} characters (600 px), hiding the end.`,
          fix: `Write a ${MIN}–${MAX} character title: the page's specific topic first, then the brand.`,
          evidence: `<title>${title}</title> (${title.length} characters)`,
          selector: "title",
        }),
      );
    }
    if (page.dom.titleCount > 1) {
      results.push(
        fail(titleLength, {
          url: page.url,
          title: "Page has several <title> elements",
          description: `The page has ${page.dom.titleCount} <title> elements; browsers and search engines use only one of them, and not necessarily the one you meant.`,
          fix: "Keep exactly one <title> in <head>; check that templates and SEO plugins do not each add their own.",
          evidence: `${page.dom.titleCount} <title> elements; the document title is "${title}"`,
          selector: "title",
          key: "multiple",
        }),
      );
    }
    return results;
  },
};

/** Pages that deliberately stay out of the index or defer to a canonical are allowed to share titles. */
function competesInIndex(page: PageArtifacts): boolean {
  if (!isIndexablePage(page)) return false;
  if (robotsDirectives(page).noindex) return false;
  const canonical = page.dom.canonical;
  if (canonical && keyOf(canonical) !== keyOf(page.finalUrl || page.url)) return false;
  return true;
}

export const titleDuplicate: CheckDefinition = {
  rule: "seo-title-duplicate",
  pillar: "seo",
  severity: "medium",
  weight: 5,
  title: "Several pages share the same title",
  scope: "site",
  run(ctx) {
    const candidates = ctx.pages.filter(competesInIndex).filter((p) => (p.dom.title ?? "").trim() !== "");
    if (candidates.length < 2) return "n/a";
    const groups = new Map<string, typeof candidates>();
    const seenUrl = new Set<string>();
    for (const p of candidates) {
      const k = keyOf(p.finalUrl || p.url);
      if (seenUrl.has(k)) continue; // two crawled URLs that redirected to one page
      seenUrl.add(k);
      const t = (p.dom.title ?? "").trim().replace(/\s+/g, " ").toLowerCase();
      groups.set(t, [...(groups.get(t) ?? []), p]);
    }
    const results: CheckResult[] = [];
    for (const [t, group] of groups) {
      if (group.length < 2) continue;
      const urls = group.map((p) => p.url);
      for (const p of group) {
        results.push(
          fail(titleDuplicate, {
            url: p.url,
            description: `${group.length} pages use the title "${(p.dom.title ?? "").trim().slice(0, 120)}". Search engines cannot tell them apart in results, may treat them as duplicates, and users cannot pick the right one.`,
            fix: "Give every indexable page its own title that names its specific content; if the pages really are the same content, point them to one URL with rel=\"canonical\".",
            evidence: `Pages sharing this title:\n${urls.slice(0, 20).join("\n")}`,
            selector: "title",
            key: t.slice(0, 200),
            siteWide: true,
          }),
        );
      }
    }
    return results;
  },
};
