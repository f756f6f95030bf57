// A real scan of the robots fixture (test/fixtures/sites/robots): pages robots.txt disallows are loaded in
// Chromium, flagged as blocked by robots.txt in the page list, and reported as an SEO finding when the site
// also asks for them to be indexed (sitemap or link) — one finding per Disallow rule, one instance per page.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanSite, type ScanResult } from "@/lib/scanner";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const ROOT = path.resolve(import.meta.dirname, "../fixtures/sites/robots");

describe("pages blocked by robots.txt", () => {
  let site: FixtureServer;
  let audited: ScanResult;
  let respected: ScanResult;
  beforeAll(async () => {
    site = await startFixtureServer({ root: ROOT });
    audited = await scanSite({ url: `${site.origin}/`, allowPrivate: true, maxPages: 20, pillars: ["seo"] });
    respected = await scanSite({ url: `${site.origin}/`, allowPrivate: true, maxPages: 20, pillars: ["seo"], respectRobots: true });
  }, 180_000);
  afterAll(async () => site?.close());

  it("audits them by default and lists them as blocked", () => {
    const blocked = audited.pages.filter((p) => p.robots_blocked).map((p) => new URL(p.url).pathname).sort();
    expect(blocked).toEqual(["/drafts/hidden-on-purpose", "/drafts/secret", "/staging/preview"]);
    for (const p of audited.pages.filter((x) => x.robots_blocked)) expect(p.status).toBe(200);
    expect(audited.pages.find((p) => new URL(p.url).pathname === "/about")?.robots_blocked).toBeUndefined();
  });

  it("reports pages meant to be indexed (linked or in the sitemap), one finding per rule, not noindex pages", () => {
    const f = audited.findings.filter((x) => x.rule === "seo-blocked-by-robots");
    expect(f.map((x) => x.key).sort()).toEqual(["Disallow: /drafts/", "Disallow: /staging/"]);
    const drafts = f.find((x) => x.key === "Disallow: /drafts/")!;
    expect(drafts.urls.map((u) => new URL(u).pathname)).toEqual(["/drafts/secret"]);
    expect(drafts.evidence).toMatch(/linked from/);
    const staging = f.find((x) => x.key === "Disallow: /staging/")!;
    expect(staging.evidence).toMatch(/sitemap/);
    expect(staging.severity).toBe("medium");
  });

  it("skips them with respectRobots and says why", () => {
    const paths = respected.pages.map((p) => new URL(p.url).pathname);
    expect(paths.some((p) => p.startsWith("/drafts/") || p.startsWith("/staging/"))).toBe(false);
    expect(respected.skipped_pages?.filter((s) => s.reason === "disallowed by robots.txt")).toHaveLength(3);
    expect(respected.findings.some((x) => x.rule === "seo-blocked-by-robots")).toBe(false);
  });
});
