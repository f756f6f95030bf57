import { describe, expect, it } from "vitest";
import { failures, makeContext, makePage, makeProbe, runCheck } from "../shared/test-artifacts";
import { brokenLinks } from "./broken-links";
import { robotsTxtBlocksAll, robotsTxtInvalid, robotsTxtMissing } from "./robots-txt";
import { sitemapBrokenEntries, sitemapInvalid, sitemapMissing } from "./sitemap";

const O = "https://example.com";
const robots = (body: string, status = 200, contentType = "text/plain") => ({
  robotsTxt: makeProbe(`${O}/robots.txt`, { status, body, headers: { "content-type": contentType }, contentType }),
});
const sitemap = (o: Partial<{ url: string; status: number | null; urls: string[]; valid: boolean; error: string }> = {}) => ({
  url: `${O}/sitemap.xml`, status: 200, urls: [`${O}/`], valid: true, ...o,
});

describe("robots.txt checks", () => {
  it("missing: low on 404, quiet when present", () => {
    expect(failures(robotsTxtMissing, makeContext([makePage()], robots("Not found", 404, "text/html")))[0].severity).toBe("low");
    expect(failures(robotsTxtMissing, makeContext([makePage()]))).toEqual([]);
  });
  it("invalid: high on 5xx, low on an HTML page served as robots.txt", () => {
    expect(failures(robotsTxtInvalid, makeContext([makePage()], robots("oops", 503)))[0].severity).toBe("high");
    expect(failures(robotsTxtInvalid, makeContext([makePage()], robots("<!doctype html><html><body>App</body></html>", 200, "text/html")))[0].severity).toBe("low");
    expect(failures(robotsTxtInvalid, makeContext([makePage()]))).toEqual([]);
  });
  it("blocks-all: fires high for Disallow: / (also with only the home page allowed), once for *", () => {
    const r = failures(robotsTxtBlocksAll, makeContext([makePage()], robots("User-agent: *\nDisallow: /\n")));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ severity: "high", key: "*" });
    expect(failures(robotsTxtBlocksAll, makeContext([makePage()], robots("User-agent: *\nDisallow: /\nAllow: /$\n")))).toHaveLength(1);
  });
  it("blocks-all: fires for a Googlebot-only block; quiet for partial or empty disallows", () => {
    const g = failures(robotsTxtBlocksAll, makeContext([makePage()], robots("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nAllow: /\n")));
    expect(g.map((r) => r.key)).toEqual(["googlebot"]);
    for (const body of ["User-agent: *\nDisallow:\n", "User-agent: *\nDisallow: /admin/\nDisallow: /cart\n", "User-agent: BadBot\nDisallow: /\n"]) {
      expect(failures(robotsTxtBlocksAll, makeContext([makePage()], robots(body))), body).toEqual([]);
    }
    expect(runCheck(robotsTxtBlocksAll, makeContext([makePage()], robots("", 404)))).toBe("n/a");
  });
});

describe("sitemap checks", () => {
  it("missing: low when /sitemap.xml 404s and robots.txt declares none", () => {
    const r = failures(sitemapMissing, makeContext([makePage()], { sitemaps: [sitemap({ status: 404, urls: [], valid: false, error: "HTTP 404" })] }));
    expect(r).toHaveLength(1);
    expect(r[0].severity).toBe("low");
    expect(failures(sitemapMissing, makeContext([makePage()], { sitemaps: [sitemap()] }))).toEqual([]);
    expect(runCheck(sitemapMissing, makeContext([makePage()], { sitemaps: [] }))).toBe("n/a");
  });
  it("invalid: fires on unparseable XML and on a robots-declared sitemap that 404s", () => {
    const bad = failures(
      sitemapInvalid,
      makeContext([makePage()], {
        ...robots(`User-agent: *\nAllow: /\nSitemap: ${O}/sitemap.xml\n`),
        sitemaps: [sitemap({ valid: false, urls: [], error: "not a sitemap (no <urlset> or <sitemapindex> root)" })],
      }),
    );
    expect(bad).toHaveLength(1);
    expect(bad[0].evidence).toContain("no <urlset>");
    const declared = failures(
      sitemapInvalid,
      makeContext([makePage()], { ...robots(`User-agent: *\nAllow: /\nSitemap: ${O}/sm.xml\n`), sitemaps: [sitemap({ url: `${O}/sm.xml`, status: 404, urls: [], valid: false })] }),
    );
    expect(declared).toHaveLength(1);
    expect(declared[0].key).toBe(`${O}/sm.xml`);
    // The default location simply missing is seo-sitemap-missing's business.
    expect(failures(sitemapInvalid, makeContext([makePage()], { sitemaps: [sitemap({ status: 404, urls: [], valid: false })] }))).toEqual([]);
  });
  it("treats an undeclared /sitemap.xml answered by an HTML shell (soft 404) as missing, not invalid", () => {
    const ctx = makeContext([makePage()], { sitemaps: [sitemap({ status: 200, urls: [], valid: false, error: "not a sitemap (no <urlset> or <sitemapindex> root)" })] });
    expect(failures(sitemapInvalid, ctx)).toEqual([]);
    expect(failures(sitemapMissing, ctx)).toHaveLength(1);
  });
  it("broken entries: one site-wide result per broken URL; live, unknown and 403 entries pass", () => {
    const ctx = makeContext([makePage({ url: `${O}/` })], {
      sitemaps: [sitemap({ urls: [`${O}/`, `${O}/gone`, `${O}/ok`, `${O}/private`, `${O}/unprobed`] })],
      sitemapUrlStatus: { [`${O}/gone`]: 404, [`${O}/ok`]: 200, [`${O}/private`]: 403 },
    });
    const r = failures(sitemapBrokenEntries, ctx);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ key: `${O}/gone`, url: `${O}/sitemap.xml`, siteWide: true, severity: "medium" });
  });
});

describe("seo-broken-links", () => {
  it("reports each broken internal target once per linking page, keyed by target", () => {
    const a = makePage({ url: `${O}/`, dom: { links: [{ href: `${O}/old#top`, text: "Old page", sameOrigin: true }, { href: `${O}/old`, text: "again", sameOrigin: true }, { href: `${O}/ok`, text: "Ok", sameOrigin: true }] } });
    const b = makePage({ url: `${O}/b`, dom: { links: [{ href: `${O}/old`, text: "Old", sameOrigin: true }, { href: `${O}/crawled-404`, text: "x", sameOrigin: true }] } });
    const c = makePage({ url: `${O}/crawled-404`, status: 404 });
    const r = failures(brokenLinks, makeContext([a, b, c], { linkStatus: { [`${O}/old`]: 404, [`${O}/ok`]: 200 } }));
    expect(r.map((x) => [x.url, x.key])).toEqual([
      [`${O}/`, `${O}/old`],
      [`${O}/b`, `${O}/old`],
      [`${O}/b`, `${O}/crawled-404`],
    ]);
    expect(r[0].evidence).toContain('"Old page"');
  });
  it("passes when every known link target is live, n/a when none was checked", () => {
    const a = makePage({ dom: { links: [{ href: `${O}/ok`, text: "Ok", sameOrigin: true }] } });
    expect(failures(brokenLinks, makeContext([a], { linkStatus: { [`${O}/ok`]: 200 } }))).toEqual([]);
    expect(runCheck(brokenLinks, makeContext([makePage()]))).toBe("n/a");
  });
});
