// Crawl discovery on the robots fixture (test/fixtures/sites/robots): pages robots.txt disallows are audited
// by default and listed, `respectRobots` skips them without fetching them; sitemap indexes, sitemap and page
// hreflang alternates, include/exclude patterns and max depth. Plain HTTP, no browser.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discover, extractHreflangAlternates } from "@/lib/scanner/crawl/discover";
import { isValidCrawlPattern, urlFilter } from "@/lib/scanner/crawl/patterns";
import { parseRobots } from "@/lib/scanner/crawl/robots";
import { parseSitemap } from "@/lib/scanner/crawl/sitemap";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const ROBOTS_SITE = path.resolve("test/fixtures/sites/robots");
const pathsOf = (urls: string[]) => urls.map((u) => new URL(u).pathname);

describe("crawl patterns", () => {
  it("match path and query from the start, robots.txt style", () => {
    const f = urlFilter({ include: ["/blog/", "/*.html$"], exclude: ["/blog/drafts/", "/*?print="] });
    expect(f.reject("https://h.test/blog/post")).toBeNull();
    expect(f.reject("https://h.test/page.html")).toBeNull();
    expect(f.reject("https://h.test/page.html?x=1")).toBe("matches no include pattern");
    expect(f.reject("https://h.test/shop")).toBe("matches no include pattern");
    expect(f.reject("https://h.test/blog/drafts/1")).toBe("excluded by pattern /blog/drafts/");
    expect(f.reject("https://h.test/blog/a?print=1")).toBe("excluded by pattern /*?print=");
    expect(urlFilter({}).reject("https://h.test/anything")).toBeNull();
  });
  it("must be path patterns", () => {
    expect(isValidCrawlPattern("/blog/")).toBe(true);
    expect(isValidCrawlPattern("*.pdf$")).toBe(true);
    expect(isValidCrawlPattern("https://h.test/")).toBe(false);
    expect(isValidCrawlPattern("")).toBe(false);
    expect(isValidCrawlPattern("/a b")).toBe(false);
  });
});

describe("robots.txt rules and alternates", () => {
  it("names the Disallow rule that blocks a URL", () => {
    const r = parseRobots("User-agent: *\nDisallow: /private/\nAllow: /private/open\n", "Plumb");
    expect(r.blockingRule("https://h.test/private/x")).toBe("/private/");
    expect(r.blockingRule("https://h.test/private/open")).toBeNull();
    expect(r.blockingRule("https://h.test/")).toBeNull();
  });
  it("reads hreflang alternates from pages and sitemaps", () => {
    const html = `<head><link hreflang="fr" rel="alternate" href="/fr/"><link rel="stylesheet" href="/a.css"><link rel='alternate' hreflang='de' href='https://h.test/de/'></head>`;
    expect(extractHreflangAlternates(html, "https://h.test/")).toEqual(["https://h.test/fr/", "https://h.test/de/"]);
    const xml = `<urlset xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://h.test/a</loc><xhtml:link rel="alternate" hreflang="de" href="https://h.test/de/a"/></url></urlset>`;
    expect(parseSitemap(xml)).toEqual({ kind: "urlset", locs: ["https://h.test/a"], alternates: ["https://h.test/de/a"] });
  });
});

describe("discover on the robots fixture", () => {
  let site: FixtureServer;
  beforeAll(async () => {
    site = await startFixtureServer({ root: ROBOTS_SITE });
  });
  afterAll(async () => site.close());

  it("audits pages robots.txt disallows by default and lists them", async () => {
    const d = await discover({ url: `${site.origin}/`, maxPages: 50, allowPrivate: true });
    const paths = pathsOf(d.urls);
    expect(paths).toEqual(expect.arrayContaining(["/", "/about", "/drafts/secret", "/drafts/hidden-on-purpose", "/staging/preview", "/deep/3"]));
    expect(pathsOf(d.robotsBlocked).sort()).toEqual(["/drafts/hidden-on-purpose", "/drafts/secret", "/staging/preview"]);
    expect(d.skipped.some((s) => /robots/.test(s.reason))).toBe(false);
    expect(site.requests.some((r) => r.path === "/drafts/secret")).toBe(true);
  });

  it("follows the sitemap index and hreflang alternates of pages and sitemaps", async () => {
    const d = await discover({ url: `${site.origin}/`, maxPages: 50, allowPrivate: true });
    expect(d.sitemaps.map((s) => new URL(s.url).pathname)).toEqual(["/sitemap-index.xml", "/sitemap-pages.xml", "/sitemap-news.xml"]);
    const paths = pathsOf(d.urls);
    expect(paths).toContain("/news/1"); // second sitemap of the index only
    expect(paths).toContain("/fr/"); // <link rel=alternate hreflang> on the home page only
    expect(paths).toContain("/de/about"); // sitemap <xhtml:link> (and the about page's hreflang)
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("skips disallowed pages without fetching them with respectRobots", async () => {
    const before = site.requests.length;
    const d = await discover({ url: `${site.origin}/`, maxPages: 50, allowPrivate: true, respectRobots: true });
    const paths = pathsOf(d.urls);
    expect(paths).not.toContain("/drafts/secret");
    expect(paths).not.toContain("/staging/preview");
    expect(d.robotsBlocked).toEqual([]);
    expect(d.skipped.filter((s) => s.reason === "disallowed by robots.txt").map((s) => new URL(s.url).pathname).sort()).toEqual(["/drafts/hidden-on-purpose", "/drafts/secret", "/staging/preview"]);
    const later = site.requests.slice(before);
    expect(later.some((r) => r.path.startsWith("/drafts/") || r.path.startsWith("/staging/"))).toBe(false);
  });

  it("stops at max depth (sitemap entries are depth 1, hreflang alternates share their page's depth)", async () => {
    const d1 = await discover({ url: `${site.origin}/`, maxPages: 50, allowPrivate: true, maxDepth: 1 });
    const p1 = pathsOf(d1.urls);
    expect(p1).toEqual(expect.arrayContaining(["/", "/fr/", "/about", "/deep/1", "/news/1", "/de/about"]));
    expect(p1).not.toContain("/deep/2");
    const d2 = await discover({ url: `${site.origin}/`, maxPages: 50, allowPrivate: true, maxDepth: 2 });
    expect(pathsOf(d2.urls)).toContain("/deep/2");
    expect(pathsOf(d2.urls)).not.toContain("/deep/3");
    const d0 = await discover({ url: `${site.origin}/`, maxPages: 50, allowPrivate: true, maxDepth: 0 });
    expect(pathsOf(d0.urls).sort()).toEqual(["/", "/fr/"]);
  });

  it("applies include and exclude patterns (the start page is always scanned)", async () => {
    const ex = await discover({ url: `${site.origin}/`, maxPages: 50, allowPrivate: true, exclude: ["/admin/", "/deep/"] });
    const pe = pathsOf(ex.urls);
    expect(pe).not.toContain("/admin/");
    expect(pe.some((p) => p.startsWith("/deep/"))).toBe(false);
    expect(ex.skipped.find((s) => s.url.endsWith("/admin/"))?.reason).toBe("excluded by pattern /admin/");
    const inc = await discover({ url: `${site.origin}/`, maxPages: 50, allowPrivate: true, include: ["/deep/"] });
    // /deep/2 is linked only from /deep/1, which the include pattern lets through.
    expect(pathsOf(inc.urls).sort()).toEqual(["/", "/deep/1", "/deep/2", "/deep/3"]);
  });
});

describe("signed-in crawl credentials", () => {
  it("never follow a redirect to another host", async () => {
    const http = await import("node:http");
    const seen: (string | undefined)[] = [];
    const other = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { "content-type": "text/html" }).end("<a href='/x'>x</a>");
    });
    await new Promise<void>((r) => other.listen(0, "127.0.0.2", r));
    const otherOrigin = `http://127.0.0.2:${(other.address() as import("node:net").AddressInfo).port}`;
    const site = http.createServer((req, res) => {
      if (req.url === "/") return void res.writeHead(200, { "content-type": "text/html" }).end("<a href='/away'>away</a>");
      res.writeHead(302, { location: `${otherOrigin}/landing` }).end();
    });
    await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
    const origin = `http://127.0.0.1:${(site.address() as import("node:net").AddressInfo).port}`;
    try {
      const d = await discover({ url: `${origin}/`, maxPages: 5, allowPrivate: true, requestHeaders: { authorization: "Bearer secret" } });
      expect(d.urls).toEqual([`${origin}/`]);
      expect(d.skipped.find((s) => s.url.endsWith("/away"))?.reason).toMatch(/another host/);
      // robots.txt and sitemap probes (no credentials) may land there; the signed-in crawl never does.
      expect(seen.filter((a) => a !== undefined)).toEqual([]);
      // Without credentials the crawl follows it (and reports it as off-site).
      const anon = await discover({ url: `${origin}/`, maxPages: 5, allowPrivate: true });
      expect(anon.skipped.find((s) => s.url.endsWith("/away"))?.reason).toMatch(/off-site/);
      expect(seen.every((a) => a === undefined)).toBe(true);
    } finally {
      await new Promise((r) => site.close(r));
      await new Promise((r) => other.close(r));
    }
  });
});
