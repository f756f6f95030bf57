// Page discovery without a browser: the start page (following redirects to the site's real origin), then
// breadth first over links, sitemap entries (sitemap indexes followed) and hreflang alternates, same origin
// only, HTML only. Pages robots.txt disallows are crawled and audited by default — the scan is run by the
// site's owner (a verified domain, or the CLI on their machine) and staging sites often disallow everything —
// and listed in `robotsBlocked`; `respectRobots` skips them instead.
import { SafeFetchError, SsrfError, safeFetch, type PrivateOrigin } from "../../net/ssrf";
import type { ProbeResult } from "../types";
import { PROBE_UA, probe } from "../gather/probe";
import { type Robots, parseRobots } from "./robots";
import { LOGOUT_TEXT, LOGOUT_URL } from "../auth/login";
import { urlFilter } from "./patterns";
import { type SitemapArtifact, fetchSitemaps } from "./sitemap";
import { looksNonHtml, normalizeUrl, sameOrigin, urlKey } from "./url";

export class ScanError extends Error {
  constructor(
    message: string,
    readonly code: "invalid_url" | "unreachable" | "private_target" | "aborted" | "timeout" | "browser" | "login",
  ) {
    super(message);
    this.name = "ScanError";
  }
}

export interface DiscoverOptions {
  url: string;
  maxPages?: number;
  allowPrivate?: boolean;
  allowedPrivateOrigins?: readonly PrivateOrigin[];
  signal?: AbortSignal;
  /** time for the whole discovery; default 30 s */
  timeoutMs?: number;
  /** skip pages robots.txt disallows for Plumb (default false: audit them and list them in robotsBlocked) */
  respectRobots?: boolean;
  /** crawl only URLs matching one of these path patterns (lib/scanner/crawl/patterns.ts); the start page always */
  include?: readonly string[];
  /** never crawl URLs matching one of these path patterns */
  exclude?: readonly string[];
  /** link depth from the start page (0 = the start page alone; sitemap entries count as depth 1); default unlimited */
  maxDepth?: number;
  /** request headers (and a Cookie header) sent with the crawl's page fetches (signed-in scans) */
  requestHeaders?: Record<string, string>;
  /** signed in: never fetch logout links (a GET would end the scan's session) */
  skipLogout?: boolean;
}

export interface Discovery {
  startUrl: string; // after redirects
  origin: string;
  startStatus: number;
  urls: string[];
  robotsTxt: ProbeResult | null;
  robots: Robots | null;
  sitemaps: SitemapArtifact[];
  skipped: { url: string; reason: string }[];
  /** URLs in `urls` that robots.txt disallows for Plumb (audited anyway; empty when respectRobots) */
  robotsBlocked: string[];
}

/** Validates and normalises the user's target; a bare host gets https://. */
export function parseTarget(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const n = normalizeUrl(withScheme);
  if (!n) throw new ScanError(`Not an http(s) URL: ${input}`, "invalid_url");
  return n;
}

/** hrefs of links whose text reads "Log out", "Sign out"… (their URL may not say so: /session/end). */
function logoutHrefs(html: string, base: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.slice(0, 2_000_000).matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]{0,200}?)<\/a>/gi)) {
    const text = m[4].replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ");
    if (!LOGOUT_TEXT.test(text)) continue;
    const n = normalizeUrl((m[1] ?? m[2] ?? m[3] ?? "").replace(/&amp;/g, "&").trim(), base);
    if (n) out.add(n);
  }
  return out;
}

function extractLinks(html: string, base: string): string[] {
  const baseHref = html.match(/<base\s[^>]*href\s*=\s*["']?([^"'\s>]+)/i)?.[1];
  const effectiveBase = baseHref ? (normalizeUrl(baseHref, base) ?? base) : base;
  const out: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? "").replace(/&amp;/g, "&").trim();
    if (!raw || /^(javascript|mailto|tel|data):/i.test(raw) || raw.startsWith("#")) continue;
    const n = normalizeUrl(raw, effectiveBase);
    if (n) out.push(n);
    if (out.length >= 2_000) break;
  }
  return out;
}

/** `<link rel="alternate" hreflang="…" href="…">` targets: the same page in other languages or regions. */
export function extractHreflangAlternates(html: string, base: string): string[] {
  const out: string[] = [];
  const head = html.slice(0, 500_000);
  for (const m of head.matchAll(/<link\s[^>]*>/gi)) {
    const tag = m[0];
    const attr = (name: string) => tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"));
    const rel = attr("rel");
    if (!rel || !/(^|\s)alternate(\s|$)/i.test(rel[1] ?? rel[2] ?? rel[3] ?? "") || !attr("hreflang")) continue;
    const href = attr("href");
    const raw = (href?.[1] ?? href?.[2] ?? href?.[3] ?? "").replace(/&amp;/g, "&").trim();
    const n = raw ? normalizeUrl(raw, base) : null;
    if (n) out.push(n);
    if (out.length >= 200) break;
  }
  return out;
}

/** Fetches the start URL once, failing fast with a clear error when the site cannot be reached. */
/**
 * Signed-in requests carry credentials (extra headers, the session cookie): never let a redirect carry them to
 * another host. http -> https on the same host is fine.
 */
function credentialRedirectGuard(headers: Record<string, string> | undefined) {
  if (!headers || Object.keys(headers).length === 0) return undefined;
  return (from: URL, to: URL) => (to.hostname !== from.hostname ? `it redirects to another host (${to.host}); a signed-in crawl does not send its credentials there` : null);
}

export async function preflight(url: string, opts: { allowPrivate: boolean; allowedPrivateOrigins?: readonly PrivateOrigin[]; signal?: AbortSignal; timeoutMs?: number; requestHeaders?: Record<string, string> }) {
  try {
    return await safeFetch(url, {
      headers: { ...opts.requestHeaders, "user-agent": PROBE_UA, accept: "text/html,*/*;q=0.8" },
      checkRedirect: credentialRedirectGuard(opts.requestHeaders),
      timeoutMs: opts.timeoutMs ?? 10_000,
      maxBytes: 2_000_000,
      maxRedirects: 10,
      allowPrivate: opts.allowPrivate,
      allowedPrivateOrigins: opts.allowedPrivateOrigins,
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof SsrfError) throw new ScanError(`Refusing to scan ${err.host}: it resolves to a private address (${err.address ?? "?"})`, "private_target");
    if (err instanceof SafeFetchError) {
      if (err.code === "aborted") throw new ScanError("Scan cancelled", "aborted");
      if (err.code === "invalid_url") throw new ScanError(err.message, "invalid_url");
      throw new ScanError(`${url} is unreachable: ${err.message}`, err.code === "timeout" ? "timeout" : "unreachable");
    }
    throw new ScanError(`${url} is unreachable: ${(err as Error).message}`, "unreachable");
  }
}

export async function discover(opts: DiscoverOptions): Promise<Discovery> {
  const allowPrivate = opts.allowPrivate ?? false;
  const maxPages = Math.max(1, opts.maxPages ?? 10);
  const maxDepth = opts.maxDepth ?? Number.POSITIVE_INFINITY;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  const target = parseTarget(opts.url);
  const allowedPrivateOrigins = opts.allowedPrivateOrigins;
  const requestHeaders = opts.requestHeaders ?? {};
  const first = await preflight(target, { allowPrivate, allowedPrivateOrigins, signal: opts.signal, requestHeaders });
  const startUrl = normalizeUrl(first.finalUrl) ?? first.finalUrl;
  const origin = new URL(startUrl).origin;
  const probeOpts = { allowPrivate, allowedPrivateOrigins, signal: opts.signal, timeoutMs: 6_000 };

  const robotsTxt = await probe(`${origin}/robots.txt`, probeOpts);
  const robots = robotsTxt.status !== null && robotsTxt.status < 400 && !/<html/i.test(robotsTxt.body.slice(0, 500)) ? parseRobots(robotsTxt.body, "Plumb") : null;
  const sitemaps = await fetchSitemaps(origin, robots?.sitemaps ?? [], probeOpts);
  const sitemapUrls = sitemaps
    .flatMap((s) => [...s.urls, ...(s.alternates ?? [])])
    .map((u) => normalizeUrl(u))
    .filter((u): u is string => !!u && sameOrigin(u, origin));
  const filter = urlFilter({ include: opts.include, exclude: opts.exclude });

  const urls: string[] = [startUrl];
  const robotsBlocked: string[] = robots && !robots.isAllowed(startUrl) ? [startUrl] : [];
  const skipped: Discovery["skipped"] = [];
  const seen = new Set<string>([urlKey(startUrl)!, urlKey(target)!]);
  const queue: { url: string; depth: number }[] = [];
  const logout = new Set<string>();
  const enqueue = (u: string, depth: number) => {
    const key = urlKey(u);
    if (!key || seen.has(key) || !sameOrigin(u, origin)) return;
    // Too deep now may still be reachable by a shorter path later: leave it unseen.
    if (depth > maxDepth) return;
    seen.add(key);
    if (opts.skipLogout && (logout.has(u) || LOGOUT_URL.test(new URL(u).pathname + new URL(u).search))) {
      return void skipped.push({ url: u, reason: "logout link (not followed in a signed-in scan)" });
    }
    if (looksNonHtml(u)) return void skipped.push({ url: u, reason: "not HTML" });
    const rejected = filter.reject(u);
    if (rejected) return void skipped.push({ url: u, reason: rejected });
    if (robots && !robots.isAllowed(u) && opts.respectRobots) return void skipped.push({ url: u, reason: "disallowed by robots.txt" });
    queue.push({ url: u, depth });
  };
  const startIsHtml = /html/i.test(first.headers["content-type"] ?? "text/html");
  if (startIsHtml) {
    if (opts.skipLogout) for (const l of logoutHrefs(first.body, startUrl)) logout.add(l);
    for (const l of extractHreflangAlternates(first.body, startUrl)) enqueue(l, 0);
    for (const l of extractLinks(first.body, startUrl)) enqueue(l, 1);
  }
  for (const u of sitemapUrls) enqueue(u, 1);

  let fetches = 0;
  while (queue.length && urls.length < maxPages && fetches < maxPages * 3 + 5 && Date.now() < deadline) {
    if (opts.signal?.aborted) throw new ScanError("Scan cancelled", "aborted");
    // Fetch a few candidates in parallel, keep BFS order when adding results.
    const batch = queue.splice(0, Math.min(4, maxPages - urls.length + 1));
    fetches += batch.length;
    const results = await Promise.all(
      batch.map(async ({ url: u, depth }) => {
        try {
          const res = await safeFetch(u, { headers: { ...requestHeaders, "user-agent": PROBE_UA, accept: "text/html,*/*;q=0.8" }, checkRedirect: credentialRedirectGuard(requestHeaders), timeoutMs: 8_000, maxBytes: 2_000_000, maxRedirects: 5, allowPrivate, allowedPrivateOrigins, signal: opts.signal });
          return { u, depth, res };
        } catch (err) {
          return { u, depth, error: (err as Error).message };
        }
      }),
    );
    for (const r of results) {
      if (!r.res) {
        skipped.push({ url: r.u, reason: `unreachable: ${r.error}` });
        continue;
      }
      const ct = r.res.headers["content-type"] ?? "";
      if (!/html/i.test(ct)) {
        skipped.push({ url: r.u, reason: `not HTML (${ct || "no content type"})` });
        continue;
      }
      if (r.res.status >= 400) {
        skipped.push({ url: r.u, reason: `HTTP ${r.res.status}` });
        continue;
      }
      const finalKey = urlKey(r.res.finalUrl);
      if (r.res.finalUrl !== r.u && finalKey && seen.has(finalKey) && finalKey !== urlKey(r.u)) {
        skipped.push({ url: r.u, reason: `redirects to ${r.res.finalUrl}` });
        continue;
      }
      if (!sameOrigin(r.res.finalUrl, origin)) {
        skipped.push({ url: r.u, reason: `redirects off-site to ${r.res.finalUrl}` });
        continue;
      }
      if (finalKey) seen.add(finalKey);
      if (urls.length < maxPages) {
        urls.push(r.u);
        if (robots && !robots.isAllowed(r.u)) robotsBlocked.push(r.u);
      }
      if (opts.skipLogout) for (const l of logoutHrefs(r.res.body, r.res.finalUrl)) logout.add(l);
      for (const l of extractHreflangAlternates(r.res.body, r.res.finalUrl)) enqueue(l, r.depth);
      for (const l of extractLinks(r.res.body, r.res.finalUrl)) enqueue(l, r.depth + 1);
    }
  }
  return { startUrl, origin, startStatus: first.status, urls, robotsTxt, robots, sitemaps, skipped, robotsBlocked };
}
