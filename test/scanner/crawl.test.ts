import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanError, discover, parseTarget } from "@/lib/scanner/crawl/discover";
import { parseRobots } from "@/lib/scanner/crawl/robots";
import { parseSitemap } from "@/lib/scanner/crawl/sitemap";
import { looksNonHtml, normalizeUrl, pathTemplate, urlKey } from "@/lib/scanner/crawl/url";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const CRAWL_SITE = path.resolve("test/fixtures/sites/crawl");

describe("URL normalisation", () => {
  it("strips fragments, credentials and tracking parameters and sorts the query", () => {
    expect(normalizeUrl("https://u:p@Example.COM:443/a/b?z=1&utm_source=x&a=2#frag")).toBe("https://example.com/a/b?a=2&z=1");
    expect(normalizeUrl("/x", "http://h.test/dir/")).toBe("http://h.test/x");
    expect(normalizeUrl("mailto:a@b.c")).toBeNull();
    expect(normalizeUrl("javascript:void(0)")).toBeNull();
  });
  it("keys /docs, /docs/ and /docs/index.html as one page", () => {
    const k = urlKey("https://h.test/docs");
    expect(urlKey("https://h.test/docs/")).toBe(k);
    expect(urlKey("https://h.test/docs/index.html")).toBe(k);
    expect(urlKey("https://h.test/")).toBe("https://h.test/");
  });
  it("collapses variable path segments into a template", () => {
    expect(pathTemplate("https://h.test/users/42/posts/7")).toBe("/users/:n/posts/:n");
    expect(pathTemplate("https://h.test/o/3f2b8c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f")).toBe("/o/:id");
    expect(pathTemplate("https://h.test/blog/")).toBe("/blog");
    expect(pathTemplate("https://h.test/")).toBe("/");
    expect(pathTemplate("https://h.test/about")).toBe("/about");
  });
  it("recognises non-HTML paths", () => {
    expect(looksNonHtml("https://h.test/a.pdf")).toBe(true);
    expect(looksNonHtml("https://h.test/a")).toBe(false);
  });
  it("parses targets, adding https:// to bare hosts", () => {
    expect(parseTarget("example.com")).toBe("https://example.com/");
    expect(() => parseTarget("ftp://example.com")).toThrow(ScanError);
  });
});

describe("robots.txt", () => {
  const robots = parseRobots(
    ["User-agent: *", "Disallow: /private/", "Allow: /private/open", "Disallow: /*.json$", "", "User-agent: OtherBot", "Disallow: /", "Sitemap: https://h.test/s.xml"].join("\n"),
    "Plumb",
  );
  it("applies the * group with longest-match and wildcards", () => {
    expect(robots.isAllowed("https://h.test/")).toBe(true);
    expect(robots.isAllowed("https://h.test/private/x")).toBe(false);
    expect(robots.isAllowed("https://h.test/private/open")).toBe(true);
    expect(robots.isAllowed("https://h.test/data.json")).toBe(false);
    expect(robots.isAllowed("https://h.test/data.json?x=1")).toBe(true);
    expect(robots.disallowsAll).toBe(false);
    expect(robots.sitemaps).toEqual(["https://h.test/s.xml"]);
  });
  it("prefers a group naming our agent, and reports disallow-all", () => {
    const r = parseRobots("User-agent: *\nAllow: /\n\nUser-agent: plumb\nDisallow: /\n", "Plumb");
    expect(r.isAllowed("https://h.test/anything")).toBe(false);
    expect(r.disallowsAll).toBe(true);
  });
});

describe("sitemap parsing", () => {
  it("reads urlsets and sitemap indexes", () => {
    expect(parseSitemap('<?xml version="1.0"?><urlset><url><loc> https://h.test/a?x=1&amp;y=2 </loc></url></urlset>')).toEqual({ kind: "urlset", locs: ["https://h.test/a?x=1&y=2"], alternates: [] });
    expect(parseSitemap("<sitemapindex><sitemap><loc>https://h.test/s1.xml</loc></sitemap></sitemapindex>").kind).toBe("sitemapindex");
    expect(parseSitemap("<html><body>not found</body></html>").kind).toBeNull();
  });
});

describe("discover on the crawl fixture", () => {
  let site: FixtureServer;
  beforeAll(async () => {
    site = await startFixtureServer({ root: CRAWL_SITE });
  });
  afterAll(async () => site.close());

  it("finds pages from links and the sitemap, breadth first, up to max_pages, respecting robots.txt when asked", async () => {
    const d = await discover({ url: `${site.origin}/`, maxPages: 20, allowPrivate: true, respectRobots: true });
    const paths = d.urls.map((u) => new URL(u).pathname);
    expect(paths[0]).toBe("/");
    expect(paths).toHaveLength(20);
    expect(new Set(paths).size).toBe(20);
    // linked only (depth 3) and sitemap only
    expect(paths).toContain("/page-14");
    expect(paths).toContain("/page-17");
    // breadth first: depth-1 links come before depth-2 links
    expect(paths.indexOf("/page-1")).toBeLessThan(paths.indexOf("/page-6"));
    expect(paths).not.toContain("/private/hidden");
    expect(d.skipped.some((s) => s.url.endsWith("/private/hidden") && /robots/.test(s.reason))).toBe(true);
    expect(d.skipped.some((s) => s.url.endsWith("/files/report.pdf"))).toBe(true);
    expect(site.requests.some((r) => r.path.startsWith("/private/"))).toBe(false);
    expect(d.sitemaps[0]).toMatchObject({ valid: true, status: 200 });
    expect(d.robots?.isAllowed(`${site.origin}/private/x`)).toBe(false);
  });

  it("stops at max_pages", async () => {
    const d = await discover({ url: site.origin, maxPages: 4, allowPrivate: true });
    expect(d.urls).toHaveLength(4);
    expect(new URL(d.urls[0]).pathname).toBe("/");
  });

  it("refuses a private target unless allowed", async () => {
    await expect(discover({ url: site.origin, maxPages: 2 })).rejects.toMatchObject({ code: "private_target" });
  });
});

describe("unreachable targets", () => {
  it("fail with a clear error when nothing listens", async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const err = await discover({ url: `http://127.0.0.1:${port}/`, allowPrivate: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    expect((err as ScanError).code).toBe("unreachable");
    expect((err as ScanError).message).toMatch(/unreachable/);
  });
  it("fail on a host that does not resolve", async () => {
    const err = await discover({ url: "https://no-such-host.invalid/", allowPrivate: true }).catch((e: unknown) => e);
    expect((err as ScanError).code).toBe("unreachable");
  });
});
