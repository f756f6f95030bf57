// robots.txt: missing (search engines crawl everything — fine, but no place for Sitemap: lines), broken
// (a 5xx makes Google stop crawling the whole site), an HTML page served in its place, or rules that block
// every crawler. We evaluate the rules the way Google does (RFC 9309: the most specific user-agent group,
// longest match, Allow wins ties) with the crawler's own parser.
import type { CheckDefinition, CheckResult, ProbeResult } from "../../types";
import { parseRobots } from "../../crawl/robots";
import { fail } from "../shared/result";
import { isIndexablePage } from "./pages";

function robotsUrl(origin: string, probe: ProbeResult | null): string {
  return probe?.url ?? `${origin.replace(/\/+$/, "")}/robots.txt`;
}

function looksLikeHtml(p: ProbeResult): boolean {
  const type = (p.contentType ?? p.headers["content-type"] ?? "").toLowerCase();
  return type.includes("text/html") || /^\s*(<!doctype html|<html|<head|<body)/i.test(p.body);
}

export const robotsTxtMissing: CheckDefinition = {
  rule: "seo-robots-txt-missing",
  pillar: "seo",
  severity: "low",
  weight: 1,
  title: "No robots.txt",
  scope: "site",
  run(ctx) {
    const p = ctx.site.robotsTxt;
    if (!p || p.status === null) return "n/a";
    if (p.status !== 404 && p.status !== 410) return [];
    return [
      fail(robotsTxtMissing, {
        url: robotsUrl(ctx.site.origin, p),
        description: "The site has no robots.txt. Crawlers then crawl everything, which is usually fine, but you lose the standard place to point them to your sitemap and to keep them out of search, cart or admin URLs.",
        fix: `Serve /robots.txt as text/plain, e.g.:\nUser-agent: *\nAllow: /\nSitemap: ${ctx.site.origin}/sitemap.xml`,
        evidence: `GET ${robotsUrl(ctx.site.origin, p)} -> ${p.status}`,
      }),
    ];
  },
};

export const robotsTxtInvalid: CheckDefinition = {
  rule: "seo-robots-txt-invalid",
  pillar: "seo",
  severity: "medium",
  weight: 3,
  title: "robots.txt is unreachable or not a robots file",
  scope: "site",
  run(ctx) {
    const p = ctx.site.robotsTxt;
    if (!p) return "n/a";
    const url = robotsUrl(ctx.site.origin, p);
    if (p.status !== null && p.status >= 500) {
      return [
        fail(robotsTxtInvalid, {
          url,
          severity: "high",
          description: `robots.txt answers HTTP ${p.status}. Google treats a server error on robots.txt as "disallow everything" and stops crawling the site until it recovers.`,
          fix: "Make /robots.txt return 200 with your rules (or 404 if you have none); check the server or CDN rule that fails on it.",
          evidence: `GET ${url} -> ${p.status}`,
          key: "server-error",
        }),
      ];
    }
    if (p.status === 200 && looksLikeHtml(p)) {
      return [
        fail(robotsTxtInvalid, {
          url,
          severity: "low",
          description: "robots.txt returns an HTML page (typically a single-page-app fallback or a soft 404). Crawlers find no rules in it and no Sitemap: line.",
          fix: "Serve a real text/plain robots.txt, or make the path return 404 so crawlers know there is none.",
          evidence: p.body.slice(0, 300),
          key: "html",
        }),
      ];
    }
    return p.status === null ? "n/a" : [];
  },
};

const MAJOR_CRAWLERS = ["*", "googlebot", "bingbot"];

export const robotsTxtBlocksAll: CheckDefinition = {
  rule: "seo-robots-txt-blocks-all",
  pillar: "seo",
  severity: "high",
  weight: 10,
  title: "robots.txt blocks all crawlers",
  scope: "site",
  run(ctx) {
    const p = ctx.site.robotsTxt;
    if (!p || p.status !== 200 || looksLikeHtml(p)) return "n/a";
    const url = robotsUrl(ctx.site.origin, p);
    // Judge an arbitrary page path and every crawled page except the root: "Disallow: /" with only
    // "Allow: /$" leaves the home page crawlable but still hides the whole site.
    const paths = new Set<string>(["/plumb-probe-page"]);
    for (const page of ctx.pages.filter(isIndexablePage)) {
      try {
        const u = new URL(page.finalUrl || page.url);
        if (u.pathname !== "/" || u.search !== "") paths.add(u.pathname + u.search);
      } catch {
        /* unparseable URLs are not ours to judge */
      }
    }
    const results: CheckResult[] = [];
    for (const agent of MAJOR_CRAWLERS) {
      const robots = parseRobots(p.body, agent === "*" ? "-" : agent);
      const blocked = [...paths].filter((path) => !robots.isAllowed(`${ctx.site.origin}${path}`));
      if (blocked.length !== paths.size) continue;
      const who = agent === "*" ? "every crawler" : agent === "googlebot" ? "Google" : "Bing";
      results.push(
        fail(robotsTxtBlocksAll, {
          url,
          title: agent === "*" ? "robots.txt blocks all crawlers" : `robots.txt blocks ${who}`,
          description: `robots.txt disallows the whole site for ${who}. Search engines stop crawling, and pages drop out of results over the following weeks. This is usually a staging robots.txt deployed to production.`,
          fix: "Replace the blanket rule with `User-agent: *` + `Allow: /` (and Disallow only private paths such as /admin or /cart), then resubmit the sitemap in Search Console.",
          evidence: p.body.slice(0, 1500),
          key: agent,
        }),
      );
    }
    // One finding is enough when the generic group already blocks everyone and the bots have no own group.
    if (results.length > 1 && results[0].key === "*") {
      const specific = results.filter((r) => r.key !== "*").filter((r) => new RegExp(`user-agent\\s*:\\s*${r.key}`, "i").test(p.body));
      return [results[0], ...specific];
    }
    return results;
  },
};
