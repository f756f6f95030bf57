// Site-level artifacts from cheap HTTP probes (never the browser): well-known files, exposed secrets files,
// source maps, a CORS probe and the status of links/sitemap entries we did not crawl.
import type { PrivateOrigin } from "../../net/ssrf";
import type { PageArtifacts, ProbeResult, SiteArtifacts } from "../types";
import type { SitemapArtifact } from "../crawl/sitemap";
import { fetchSitemaps } from "../crawl/sitemap";
import { parseRobots } from "../crawl/robots";
import { normalizeUrl, sameOrigin, urlKey, looksNonHtml } from "../crawl/url";
import { LOGOUT_TEXT, LOGOUT_URL } from "../auth/login";
import { mapLimit, probe, probeStatus, type ProbeOptions } from "./probe";

export interface GatherSiteOptions {
  allowPrivate: boolean;
  allowedPrivateOrigins?: readonly PrivateOrigin[];
  signal?: AbortSignal;
  /** already fetched during discovery (saves requests) */
  robotsTxt?: ProbeResult | null;
  sitemaps?: SitemapArtifact[];
  maxLinkProbes?: number; // default 30
  maxSitemapProbes?: number; // default 20
  maxSourceMaps?: number; // default 10
  /** signed-in scans: never probe logout links (by URL or by link text) */
  skipLogout?: boolean;
}

export const CORS_PROBE_ORIGIN = "https://evil.example";

function sourceMapCandidates(pages: PageArtifacts[], origin: string, max: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const page of pages) {
    for (const r of page.requests) {
      if (r.resourceType !== "script" || !sameOrigin(r.url, origin) || r.status === null || r.status >= 400) continue;
      const base = r.url.split(/[?#]/)[0];
      if (seen.has(base)) continue;
      seen.add(base);
      // The last sourceMappingURL comment wins; data: maps are inline, nothing to probe.
      const matches = r.body ? [...r.body.matchAll(/[#@]\s*sourceMappingURL\s*=\s*(\S+)/g)] : [];
      const declared = matches.at(-1)?.[1];
      const headerMap = r.responseHeaders["sourcemap"] ?? r.responseHeaders["x-sourcemap"];
      const ref = headerMap ?? declared;
      let candidate: string | null;
      if (ref && !ref.startsWith("data:")) candidate = normalizeUrl(ref, r.url);
      else if (ref) candidate = null;
      else candidate = `${base}.map`;
      if (candidate && sameOrigin(candidate, origin)) out.push(candidate);
      if (out.length >= max) return out;
    }
  }
  return out;
}

export async function gatherSite(origin: string, pages: PageArtifacts[], opts: GatherSiteOptions): Promise<SiteArtifacts> {
  const p: ProbeOptions = { allowPrivate: opts.allowPrivate, allowedPrivateOrigins: opts.allowedPrivateOrigins, signal: opts.signal, timeoutMs: 6_000 };
  const crawled = new Set(pages.flatMap((pg) => [urlKey(pg.url), urlKey(pg.finalUrl)]).filter((k): k is string => !!k));

  const robotsP = opts.robotsTxt !== undefined ? Promise.resolve(opts.robotsTxt) : probe(`${origin}/robots.txt`, p);
  const securityTxtP = (async () => {
    const wk = await probe(`${origin}/.well-known/security.txt`, p);
    if (wk.status === 200) return wk;
    const root = await probe(`${origin}/security.txt`, p);
    return root.status === 200 ? root : wk;
  })();
  const gitP = probe(`${origin}/.git/config`, { ...p, maxRedirects: 0 });
  const envP = probe(`${origin}/.env`, { ...p, maxRedirects: 0 });
  const gpcP = probe(`${origin}/.well-known/gpc.json`, p);
  // An https site should answer its http:// address with a redirect to https:// (check plain-http).
  // Only on the default port: http:// on a custom TLS port is not a thing to expect.
  const httpP = origin.startsWith("https://") && new URL(origin).port === ""
    ? probe(`http://${new URL(origin).hostname}/`, { ...p, maxBytes: 4_096, maxRedirects: 0, timeoutMs: 4_000 })
    : Promise.resolve(undefined);
  const corsP = probe(`${origin}/`, { ...p, headers: { origin: CORS_PROBE_ORIGIN }, maxBytes: 16_384, maxRedirects: 0 });
  const mapsP = mapLimit(sourceMapCandidates(pages, origin, opts.maxSourceMaps ?? 10), 4, (u) => probe(u, { ...p, maxBytes: 20_000, maxRedirects: 0 }));

  const robotsTxt = await robotsP;
  const sitemapsP = opts.sitemaps
    ? Promise.resolve(opts.sitemaps)
    : fetchSitemaps(origin, robotsTxt && robotsTxt.status === 200 ? parseRobots(robotsTxt.body).sitemaps : [], p);

  // Canonical targets first (a canonical to a 404 is worse than a broken link), then internal links seen on
  // pages but not crawled.
  const linkTargets: string[] = [];
  const linkSeen = new Set<string>();
  const addTarget = (href: string) => {
    if (!sameOrigin(href, origin)) return;
    const n = normalizeUrl(href);
    const k = n && urlKey(n);
    if (!n || !k || crawled.has(k) || linkSeen.has(k)) return;
    linkSeen.add(k);
    linkTargets.push(n);
  };
  for (const page of pages) if (page.dom.canonical) addTarget(page.dom.canonical);
  for (const page of pages) {
    for (const l of page.dom.links) {
      if (!l.sameOrigin) continue;
      if (opts.skipLogout && (LOGOUT_TEXT.test(l.text) || LOGOUT_URL.test(l.href.replace(/^[a-z]+:\/\/[^/]+/i, "")))) continue;
      addTarget(l.href);
    }
  }
  const linkProbes = linkTargets.slice(0, opts.maxLinkProbes ?? 30);
  const linkStatusP = mapLimit(linkProbes, 6, (u) => probeStatus(u, p));

  const sitemaps = await sitemapsP;
  const sitemapTargets = sitemaps
    .flatMap((s) => s.urls)
    .map((u) => normalizeUrl(u))
    .filter((u): u is string => !!u)
    .filter((u) => !crawled.has(urlKey(u)!) && !looksNonHtml(u));
  const sitemapProbes = [...new Set(sitemapTargets)].slice(0, opts.maxSitemapProbes ?? 20);
  const sitemapStatusP = mapLimit(sitemapProbes, 6, (u) => probeStatus(u, p));

  const [securityTxt, gitConfig, envFile, gpcJson, corsProbe, sourceMaps, linkStatuses, sitemapStatuses, httpProbe] = await Promise.all([
    securityTxtP, gitP, envP, gpcP, corsP, mapsP, linkStatusP, sitemapStatusP, httpP,
  ]);

  const linkStatus: Record<string, number | null> = {};
  linkProbes.forEach((u, i) => (linkStatus[u] = linkStatuses[i]));
  const sitemapUrlStatus: Record<string, number | null> = {};
  sitemapProbes.forEach((u, i) => (sitemapUrlStatus[u] = sitemapStatuses[i]));
  // Crawled pages count as probed too: their status is known from the page load.
  for (const page of pages) {
    for (const s of sitemaps.flatMap((sm) => sm.urls)) {
      if (urlKey(s) === urlKey(page.url)) sitemapUrlStatus[s] = page.status;
    }
  }

  return {
    origin,
    robotsTxt,
    sitemaps,
    securityTxt,
    gitConfig,
    envFile,
    gpcJson,
    sourceMaps,
    linkStatus,
    sitemapUrlStatus,
    corsProbe,
    ...(httpProbe ? { httpProbe } : {}),
  };
}
