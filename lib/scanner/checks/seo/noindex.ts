// Pages that tell search engines not to index them (meta robots or the X-Robots-Tag header). Deliberate
// on a thank-you page; a disaster on the home page or on a page the sitemap asks engines to index —
// usually a staging setting that shipped to production.
import type { CheckDefinition, PageArtifacts } from "../../types";
import { fail } from "../shared/result";
import { header } from "../shared/web";
import { isHomeOrStart, isIndexablePage, keyOf, sitemapUrlKeys } from "./pages";

/** Bots whose directives bind the big search engines; rules scoped to other bots don't deindex a page. */
const MAJOR_BOTS = /^(googlebot|bingbot|google|bing)/i;

function parseDirectives(value: string): { noindex: boolean; nofollow: boolean } {
  let noindex = false;
  let nofollow = false;
  // X-Robots-Tag may scope directives to a bot ("otherbot: noindex, nofollow") and may repeat (joined by \n).
  for (const line of value.split("\n")) {
    const scoped = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    let body = line;
    if (scoped && !/^(unavailable_after|max-snippet|max-image-preview|max-video-preview)$/i.test(scoped[1])) {
      if (!MAJOR_BOTS.test(scoped[1])) continue;
      body = scoped[2];
    }
    const tokens = body.toLowerCase().split(/[,\s]+/);
    if (tokens.includes("noindex") || tokens.includes("none")) noindex = true;
    if (tokens.includes("nofollow") || tokens.includes("none")) nofollow = true;
  }
  return { noindex, nofollow };
}

export function robotsDirectives(page: PageArtifacts): { noindex: boolean; nofollow: boolean; source: string[] } {
  const source: string[] = [];
  let noindex = false;
  let nofollow = false;
  const meta = page.dom.metaRobots;
  if (meta) {
    const d = parseDirectives(meta);
    if (d.noindex || d.nofollow) source.push(`<meta name="robots" content="${meta}">`);
    noindex ||= d.noindex;
    nofollow ||= d.nofollow;
  }
  const xrt = header(page.responseHeaders, "x-robots-tag");
  if (xrt) {
    const d = parseDirectives(xrt);
    if (d.noindex || d.nofollow) source.push(`X-Robots-Tag: ${xrt}`);
    noindex ||= d.noindex;
    nofollow ||= d.nofollow;
  }
  return { noindex, nofollow, source };
}

export const noindex: CheckDefinition = {
  rule: "seo-noindex",
  pillar: "seo",
  severity: "high",
  weight: 10,
  title: "Page is blocked from search engines (noindex)",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || !isIndexablePage(page)) return "n/a";
    const d = robotsDirectives(page);
    if (!d.noindex) return [];
    const home = isHomeOrStart(page, ctx.pages, ctx.site);
    const inSitemap = sitemapUrlKeys(ctx.site).has(keyOf(page.url));
    const important = home || inSitemap;
    const where = home ? "the home page" : inSitemap ? "a page listed in your sitemap" : "this page";
    return [
      fail(noindex, {
        url: page.url,
        severity: important ? "high" : "low",
        description: `${where[0].toUpperCase()}${where.slice(1)} tells search engines not to index it, so it will disappear from search results.${important ? " That is almost never intended here; a staging or pre-launch setting often ships to production this way." : " Make sure this is deliberate."}`,
        fix: important
          ? "Remove noindex from the meta robots tag and the X-Robots-Tag header (check CMS \"discourage search engines\" settings and environment-specific headers)."
          : "If the page should be found in search, remove noindex from its meta robots tag / X-Robots-Tag header; if not, also leave it out of the sitemap.",
        evidence: d.source.join("\n"),
      }),
    ];
  },
};
