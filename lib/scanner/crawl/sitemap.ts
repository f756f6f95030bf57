// Sitemaps (urlset and sitemapindex), fetched through the SSRF guard, capped in files and URLs.
import type { SiteArtifacts } from "../types";
import { probe, type ProbeOptions } from "../gather/probe";

export type SitemapArtifact = SiteArtifacts["sitemaps"][number];

function decodeXml(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

export function parseSitemap(xml: string): { kind: "urlset" | "sitemapindex" | null; locs: string[]; alternates: string[] } {
  const head = xml.slice(0, 2_000).replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "");
  const root = head.match(/<\s*([A-Za-z_][\w:.-]*)/)?.[1]?.replace(/^.*:/, "").toLowerCase();
  const kind = root === "urlset" ? "urlset" : root === "sitemapindex" ? "sitemapindex" : null;
  const locs = [...xml.matchAll(/<(?:\w+:)?loc>\s*([\s\S]*?)\s*<\/(?:\w+:)?loc>/gi)].map((m) => decodeXml(m[1]));
  // <xhtml:link rel="alternate" hreflang="fr" href="…"/> inside <url>: the page in other languages.
  const alternates = [...xml.matchAll(/<(?:\w+:)?link\s[^>]*hreflang\s*=[^>]*>/gi)]
    .map((m) => m[0].match(/\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/i))
    .map((h) => (h ? decodeXml(h[1] ?? h[2] ?? "") : ""))
    .filter(Boolean);
  return { kind, locs, alternates };
}

/**
 * Fetches the sitemaps named in robots.txt (else /sitemap.xml), following one level of sitemap index.
 * At most `maxFiles` files and `maxUrls` page URLs in total.
 */
export async function fetchSitemaps(
  origin: string,
  fromRobots: string[],
  opts: ProbeOptions & { maxFiles?: number; maxUrls?: number },
): Promise<SitemapArtifact[]> {
  const maxFiles = opts.maxFiles ?? 12;
  const maxUrls = opts.maxUrls ?? 1_000;
  const queue = fromRobots.length ? [...fromRobots] : [`${origin}/sitemap.xml`];
  const seen = new Set<string>();
  const out: SitemapArtifact[] = [];
  let urlCount = 0;
  while (queue.length && out.length < maxFiles) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await probe(url, { ...opts, maxBytes: 5_000_000 });
    const item: SitemapArtifact = { url, status: res.status, urls: [], valid: false };
    if (res.status === null) item.error = res.error ?? "unreachable";
    else if (res.status >= 400) item.error = `HTTP ${res.status}`;
    else if (/\.gz$/i.test(new URL(url).pathname) && !res.body.trimStart().startsWith("<")) item.error = "gzipped sitemaps are not read";
    else {
      const parsed = parseSitemap(res.body);
      if (!parsed.kind) item.error = "not a sitemap (no <urlset> or <sitemapindex> root)";
      else {
        item.valid = true;
        if (parsed.kind === "sitemapindex") {
          for (const loc of parsed.locs.slice(0, maxFiles)) queue.push(loc);
        } else {
          const room = Math.max(0, maxUrls - urlCount);
          item.urls = parsed.locs.slice(0, room);
          urlCount += item.urls.length;
          if (parsed.alternates.length) item.alternates = parsed.alternates.slice(0, Math.max(0, maxUrls - urlCount));
          if (parsed.locs.length > room) item.error = `capped at ${maxUrls} URLs`;
        }
      }
    }
    out.push(item);
  }
  return out;
}
