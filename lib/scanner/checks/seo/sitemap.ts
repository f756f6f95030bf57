// XML sitemaps: present, parseable, and listing only live pages. Gather fetches the sitemaps named in
// robots.txt (else /sitemap.xml) and probes a sample of the listed URLs.
import type { CheckContext, CheckDefinition, CheckResult } from "../../types";
import { parseRobots } from "../../crawl/robots";
import { fail } from "../shared/result";
import { isBrokenStatus, keyOf, knownStatuses } from "./pages";

function declaredInRobots(robotsBody: string | undefined): string[] {
  return robotsBody ? parseRobots(robotsBody).sitemaps : [];
}

type SitemapEntry = CheckContext["site"]["sitemaps"][number];

/**
 * Gather probes /sitemap.xml when robots.txt declares no sitemap. If that guess 404s, or answers 200 with
 * something that is not a sitemap (a single-page app's HTML shell, a soft 404), the site simply has no
 * sitemap: seo-sitemap-missing's finding, not a broken sitemap.
 */
function isAbsentDefault(s: SitemapEntry, all: SitemapEntry[], declared: Set<string>): boolean {
  if (all.length !== 1 || declared.has(keyOf(s.url))) return false;
  if (!/\/sitemap\.xml$/i.test(s.url.split(/[?#]/)[0])) return false;
  return s.status !== null && (s.status >= 400 || !s.valid);
}

function declaredSet(ctx: CheckContext): Set<string> {
  const r = ctx.site.robotsTxt;
  return new Set(declaredInRobots(r?.status === 200 ? r.body : undefined).map(keyOf));
}

export const sitemapMissing: CheckDefinition = {
  rule: "seo-sitemap-missing",
  pillar: "seo",
  severity: "low",
  weight: 2,
  title: "No XML sitemap",
  scope: "site",
  run(ctx) {
    const { sitemaps, origin } = ctx.site;
    if (sitemaps.length === 0) return "n/a"; // not probed
    if (sitemaps.every((s) => s.status === null)) return "n/a"; // unreachable: nothing to conclude
    const declared = declaredSet(ctx);
    // A declared-but-broken sitemap is seo-sitemap-invalid's finding.
    if (declared.size > 0) return [];
    if (!sitemaps.every((s) => s.status === null || isAbsentDefault(s, sitemaps, declared))) return [];
    return [
      fail(sitemapMissing, {
        url: sitemaps[0].url,
        description: "The site has no XML sitemap (none declared in robots.txt, and /sitemap.xml is missing). Search engines then find pages only by following links, so new, deep or poorly linked pages are indexed late or not at all.",
        fix: `Generate a sitemap of your indexable pages (most frameworks and CMSs have a plugin), serve it at ${origin}/sitemap.xml and add "Sitemap: ${origin}/sitemap.xml" to robots.txt.`,
        evidence: sitemaps.map((s) => `GET ${s.url} -> ${s.status ?? "unreachable"}${s.error ? ` (${s.error})` : ""}`).join("\n"),
      }),
    ];
  },
};

export const sitemapInvalid: CheckDefinition = {
  rule: "seo-sitemap-invalid",
  pillar: "seo",
  severity: "medium",
  weight: 3,
  title: "Sitemap is broken or not valid XML",
  scope: "site",
  run(ctx) {
    const { sitemaps } = ctx.site;
    if (sitemaps.length === 0) return "n/a";
    const declared = declaredSet(ctx);
    const results: CheckResult[] = [];
    for (const s of sitemaps) {
      if (s.status === null) continue; // unreachable probe: no evidence of a defect
      if (isAbsentDefault(s, sitemaps, declared)) continue;
      const isDeclared = declared.has(keyOf(s.url));
      if (s.status >= 400) {
        results.push(
          fail(sitemapInvalid, {
            url: s.url,
            description: `The sitemap ${s.url} ${isDeclared ? "declared in robots.txt " : ""}answers HTTP ${s.status}, so search engines cannot read it.`,
            fix: "Serve the sitemap at that URL, or correct the Sitemap: line in robots.txt (and the sitemap index) to the real location.",
            evidence: `GET ${s.url} -> ${s.status}`,
            key: s.url,
          }),
        );
        continue;
      }
      if (!s.valid) {
        results.push(
          fail(sitemapInvalid, {
            url: s.url,
            description: `The sitemap ${s.url} could not be read as a sitemap (${s.error ?? "invalid XML"}). Search engines reject it and fall back to discovering pages through links.`,
            fix: "Serve a valid XML sitemap (a <urlset> of <url><loc>absolute URL</loc></url> entries, or a <sitemapindex>) with Content-Type application/xml; validate it in Search Console.",
            evidence: s.error ?? "not a sitemap",
            key: s.url,
          }),
        );
      }
    }
    return results;
  },
};

export const sitemapBrokenEntries: CheckDefinition = {
  rule: "seo-sitemap-broken-entries",
  pillar: "seo",
  severity: "medium",
  weight: 3,
  title: "Sitemap lists broken URLs",
  scope: "site",
  run(ctx) {
    const listed = ctx.site.sitemaps.flatMap((s) => s.urls.map((u) => ({ sitemap: s.url, url: u })));
    if (listed.length === 0) return "n/a";
    const status = knownStatuses(ctx.site, ctx.pages);
    const results: CheckResult[] = [];
    const seen = new Set<string>();
    let checked = 0;
    for (const { sitemap, url } of listed) {
      const k = keyOf(url);
      if (seen.has(k)) continue;
      seen.add(k);
      const st = status.get(k);
      if (st === undefined) continue;
      checked++;
      if (!isBrokenStatus(st)) continue;
      results.push(
        fail(sitemapBrokenEntries, {
          url: sitemap,
          description: `The sitemap lists ${url}, which answers HTTP ${st}. Sitemaps should list only live, indexable pages; broken entries waste crawl budget and make search engines trust the sitemap less.`,
          fix: "Remove the URL from the sitemap (or restore the page / redirect it and list the final URL instead). Regenerate the sitemap from live content rather than maintaining it by hand.",
          evidence: `${st}  ${url}`,
          key: k,
          siteWide: true,
        }),
      );
      if (results.length >= 50) break;
    }
    return checked === 0 ? "n/a" : results;
  },
};
