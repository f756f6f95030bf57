// Pages robots.txt disallows although the site asks for them to be indexed: listed in a sitemap or linked
// from another page. Plumb audits such pages anyway (the scan is run by the site's owner), so this check sees
// them loaded. Search engines never fetch them: they drop out of results (or show as "No information is
// available for this page"). A page with noindex is meant to stay out, so it is not reported. One finding per
// Disallow rule, each blocked page an instance.
import type { CheckDefinition, CheckResult, SiteArtifacts } from "../../types";
import { parseRobots, type Robots } from "../../crawl/robots";
import { sameOrigin } from "../../crawl/url";
import { fail } from "../shared/result";
import { robotsDirectives } from "./noindex";
import { isIndexablePage, keyOf, sitemapUrlKeys } from "./pages";

/** robots.txt as a search engine reads it, or null when the site has no usable one. */
export function robotsFromSite(site: SiteArtifacts, userAgent: string): Robots | null {
  const p = site.robotsTxt;
  if (!p || p.status === null || p.status >= 400) return null;
  const type = (p.contentType ?? p.headers["content-type"] ?? "").toLowerCase();
  if (type.includes("text/html") || /^\s*(<!doctype html|<html)/i.test(p.body)) return null;
  return parseRobots(p.body, userAgent);
}

export const blockedByRobots: CheckDefinition = {
  rule: "seo-blocked-by-robots",
  pillar: "seo",
  severity: "medium",
  weight: 5,
  title: "Page meant to be indexed is blocked by robots.txt",
  scope: "site",
  run(ctx) {
    const robots = robotsFromSite(ctx.site, "googlebot");
    // No rules, or rules that block everything (seo-robots-txt-blocks-all reports that once for the site).
    if (!robots || robots.disallowsAll) return "n/a";
    const inSitemap = sitemapUrlKeys(ctx.site);
    const linkedFrom = new Map<string, string>();
    for (const page of ctx.pages) {
      for (const link of page.dom?.links ?? []) {
        if (link.nofollow || !sameOrigin(link.href, ctx.site.origin)) continue;
        const k = keyOf(link.href);
        if (k !== keyOf(page.url) && !linkedFrom.has(k)) linkedFrom.set(k, page.url);
      }
    }
    const results: CheckResult[] = [];
    for (const page of ctx.pages.filter(isIndexablePage)) {
      const url = page.finalUrl || page.url;
      const rule = robots.blockingRule(url);
      if (!rule) continue;
      const k = keyOf(url);
      const why = inSitemap.has(k) ? "listed in the sitemap" : linkedFrom.has(k) ? `linked from ${linkedFrom.get(k)}` : null;
      if (!why || robotsDirectives(page).noindex) continue;
      results.push(
        fail(blockedByRobots, {
          url: page.url,
          description: `robots.txt disallows this page for Google (rule "Disallow: ${rule}") although it is ${why}. Search engines never fetch it, so its content is not indexed; the URL may still appear without a description.`,
          fix: `Narrow or remove "Disallow: ${rule}" in robots.txt if the page should be found (add an "Allow:" line for it), or take it out of the sitemap and mark it noindex if it should not.`,
          evidence: `Disallow: ${rule} — ${why}`,
          key: `Disallow: ${rule}`,
          siteWide: true,
        }),
      );
    }
    return results;
  },
};
