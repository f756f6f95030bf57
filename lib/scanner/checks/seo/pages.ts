// Which pages SEO checks judge and how URLs are compared.
import type { PageArtifacts, SiteArtifacts } from "../../types";
import { urlKey } from "../../crawl/url";

/** A page search engines could index: it loaded with a 2xx and is HTML we could read. */
export function isIndexablePage(page: PageArtifacts): boolean {
  return page.status !== null && page.status >= 200 && page.status < 300;
}

export function keyOf(url: string): string {
  return urlKey(url) ?? url;
}

/** Every status we know for a URL: probes of uncrawled links and sitemap entries, plus crawled pages. */
export function knownStatuses(site: SiteArtifacts, pages: PageArtifacts[]): Map<string, number | null> {
  const map = new Map<string, number | null>();
  for (const [u, s] of Object.entries(site.sitemapUrlStatus)) map.set(keyOf(u), s);
  for (const [u, s] of Object.entries(site.linkStatus)) map.set(keyOf(u), s);
  for (const p of pages) {
    map.set(keyOf(p.url), p.status);
    // A redirect that ended on a 2xx is not broken for the URL that was requested.
    if (p.finalUrl && p.finalUrl !== p.url) map.set(keyOf(p.finalUrl), p.status);
  }
  return map;
}

/**
 * Statuses that mean "this URL is broken for everybody". 401/403 (login areas, bot walls), 405 (a HEAD
 * probe refused) and 429 (our probe rate-limited) are not proof of a broken page, so they are left out.
 */
export function isBrokenStatus(status: number | null | undefined): status is number {
  if (status === null || status === undefined) return false;
  if (status === 401 || status === 403 || status === 405 || status === 429) return false;
  return status >= 400;
}

export function sitemapUrlKeys(site: SiteArtifacts): Set<string> {
  return new Set(site.sitemaps.flatMap((s) => s.urls).map(keyOf));
}

/** The site's home page or the scan's start page. */
export function isHomeOrStart(page: PageArtifacts, pages: PageArtifacts[], site: SiteArtifacts): boolean {
  const k = keyOf(page.url);
  if (k === keyOf(`${site.origin}/`)) return true;
  return pages.length > 0 && keyOf(pages[0].url) === k;
}
