// Page discovery without a browser: the start page (following redirects to the site's real origin), then
// breadth first over links and sitemap entries, same origin only, robots.txt respected, HTML only.
import { SafeFetchError, SsrfError, safeFetch } from "../../net/ssrf";
import type { ProbeResult } from "../types";
import { PROBE_UA, probe } from "../gather/probe";
import { type Robots, parseRobots } from "./robots";
import { type SitemapArtifact, fetchSitemaps } from "./sitemap";
import { looksNonHtml, normalizeUrl, sameOrigin, urlKey } from "./url";

export class ScanError extends Error {
  constructor(
    message: string,
    readonly code: "invalid_url" | "unreachable" | "private_target" | "aborted" | "timeout" | "browser",
  ) {
    super(message);
    this.name = "ScanError";
  }
}

export interface DiscoverOptions {
  url: string;
  maxPages?: number;
  allowPrivate?: boolean;
  signal?: AbortSignal;
  /** time for the whole discovery; default 30 s */
  timeoutMs?: number;
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
}

/** Validates and normalises the user's target; a bare host gets https://. */
export function parseTarget(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const n = normalizeUrl(withScheme);
  if (!n) throw new ScanError(`Not an http(s) URL: ${input}`, "invalid_url");
  return n;
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

/** Fetches the start URL once, failing fast with a clear error when the site cannot be reached. */
export async function preflight(url: string, opts: { allowPrivate: boolean; signal?: AbortSignal; timeoutMs?: number }) {
  try {
    return await safeFetch(url, {
      headers: { "user-agent": PROBE_UA, accept: "text/html,*/*;q=0.8" },
      timeoutMs: opts.timeoutMs ?? 10_000,
      maxBytes: 2_000_000,
      maxRedirects: 10,
      allowPrivate: opts.allowPrivate,
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
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  const target = parseTarget(opts.url);
  const first = await preflight(target, { allowPrivate, signal: opts.signal });
  const startUrl = normalizeUrl(first.finalUrl) ?? first.finalUrl;
  const origin = new URL(startUrl).origin;
  const probeOpts = { allowPrivate, signal: opts.signal, timeoutMs: 6_000 };

  const robotsTxt = await probe(`${origin}/robots.txt`, probeOpts);
  const robots = robotsTxt.status !== null && robotsTxt.status < 400 && !/<html/i.test(robotsTxt.body.slice(0, 500)) ? parseRobots(robotsTxt.body, "Plumb") : null;
  const sitemaps = await fetchSitemaps(origin, robots?.sitemaps ?? [], probeOpts);
  const sitemapUrls = sitemaps.flatMap((s) => s.urls).map((u) => normalizeUrl(u)).filter((u): u is string => !!u && sameOrigin(u, origin));

  const urls: string[] = [startUrl];
  const skipped: Discovery["skipped"] = [];
  const seen = new Set<string>([urlKey(startUrl)!, urlKey(target)!]);
  const queue: string[] = [];
  const enqueue = (u: string) => {
    const key = urlKey(u);
    if (!key || seen.has(key) || !sameOrigin(u, origin)) return;
    seen.add(key);
    if (looksNonHtml(u)) return void skipped.push({ url: u, reason: "not HTML" });
    if (robots && !robots.isAllowed(u)) return void skipped.push({ url: u, reason: "disallowed by robots.txt" });
    queue.push(u);
  };
  const startIsHtml = /html/i.test(first.headers["content-type"] ?? "text/html");
  if (startIsHtml) for (const l of extractLinks(first.body, startUrl)) enqueue(l);
  for (const u of sitemapUrls) enqueue(u);

  let fetches = 0;
  while (queue.length && urls.length < maxPages && fetches < maxPages * 3 + 5 && Date.now() < deadline) {
    if (opts.signal?.aborted) throw new ScanError("Scan cancelled", "aborted");
    // Fetch a few candidates in parallel, keep BFS order when adding results.
    const batch = queue.splice(0, Math.min(4, maxPages - urls.length + 1));
    fetches += batch.length;
    const results = await Promise.all(
      batch.map(async (u) => {
        try {
          const res = await safeFetch(u, { headers: { "user-agent": PROBE_UA, accept: "text/html,*/*;q=0.8" }, timeoutMs: 8_000, maxBytes: 2_000_000, maxRedirects: 5, allowPrivate, signal: opts.signal });
          return { u, res };
        } catch (err) {
          return { u, error: (err as Error).message };
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
      if (urls.length < maxPages) urls.push(r.u);
      for (const l of extractLinks(r.res.body, r.res.finalUrl)) enqueue(l);
    }
  }
  return { startUrl, origin, startStatus: first.status, urls, robotsTxt, robots, sitemaps, skipped };
}
