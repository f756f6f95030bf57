// The SEO fixture sites (test/fixtures/sites/seo/{main,bare,spa}) carry one known defect per rule; real
// scans must report each rule where the defect is. Three origins because robots.txt can only be missing,
// HTML, or blocking on any one of them.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding, Severity } from "@/lib/scanner/types";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { realScan, type RealScan } from "./performance/real-scan";

const SITES = path.resolve(import.meta.dirname, "../fixtures/sites/seo");

async function scan(site: string, startPath: string, maxPages: number): Promise<{ server: FixtureServer; result: RealScan }> {
  const server = await startFixtureServer({ root: path.join(SITES, site) });
  try {
    const result = await realScan(`${server.origin}${startPath}`, { maxPages, pillars: ["seo"] });
    return { server, result };
  } catch (err) {
    await server.close();
    throw err;
  }
}

const pathsOf = (f: Finding[]) => [...new Set(f.flatMap((x) => x.urls).map((u) => new URL(u).pathname))].sort();

function expectRule(result: RealScan, rule: string, paths: string[], severity: Severity): Finding[] {
  const f = result.findings.filter((x) => x.rule === rule);
  expect(f.length, `${rule} did not fire`).toBeGreaterThan(0);
  for (const p of paths) expect(pathsOf(f), rule).toContain(p);
  expect(f.map((x) => x.severity), rule).toContain(severity);
  for (const x of f) {
    expect(x.pillar).toBe("seo");
    expect(x.fix.length).toBeGreaterThan(20);
  }
  return f;
}

describe("SEO checks on the main fixture site", () => {
  let server: FixtureServer;
  let result: RealScan;
  beforeAll(async () => ({ server, result } = await scan("main", "/", 10)), 120_000);
  afterAll(async () => server?.close());

  it("crawls the pages (robots.txt lets Plumb in while it blocks everyone else)", () => {
    expect(result.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(
      ["/", "/bare", "/canonical-broken", "/canonical-elsewhere", "/long-title", "/widgets-a", "/widgets-b"].sort(),
    );
    expect(result.checks.filter((c) => c.pillar === "seo" && c.outcome === "error")).toEqual([]);
  });

  const cases: [string, string[], Severity][] = [
    ["seo-robots-txt-blocks-all", ["/robots.txt"], "high"],
    ["seo-noindex", ["/"], "high"],
    ["seo-title-missing", ["/bare"], "medium"],
    ["seo-title-duplicate", ["/widgets-a", "/widgets-b"], "medium"],
    ["seo-title-length", ["/widgets-a", "/long-title"], "low"],
    ["seo-meta-description-missing", ["/bare"], "medium"],
    ["seo-meta-description-length", ["/widgets-a"], "low"],
    ["seo-h1-missing", ["/bare"], "medium"],
    ["seo-h1-multiple", ["/widgets-a"], "low"],
    ["seo-canonical-missing", ["/bare"], "low"],
    ["seo-canonical-conflict", ["/long-title"], "medium"],
    ["seo-canonical-invalid", ["/canonical-broken"], "low"],
    ["seo-canonical-cross-origin", ["/canonical-elsewhere"], "low"],
    ["seo-sitemap-invalid", ["/sitemap-old.xml", "/sitemap-bad.xml"], "medium"],
    ["seo-sitemap-broken-entries", ["/sitemap.xml"], "medium"],
    ["seo-broken-links", ["/"], "medium"],
    ["seo-viewport", ["/bare"], "medium"],
    ["seo-html-lang", ["/bare"], "low"],
    ["seo-link-text", ["/"], "low"],
  ];
  for (const [rule, paths, severity] of cases) {
    it(`${rule} fires on ${paths.join(", ")}`, () => {
      expectRule(result, rule, paths, severity);
    });
  }

  it("puts the broken targets in the evidence and keys", () => {
    const broken = result.findings.filter((f) => f.rule === "seo-broken-links");
    expect(broken.map((f) => f.evidence ?? "").join("\n")).toContain("/discontinued-widgets");
    const entries = result.findings.filter((f) => f.rule === "seo-sitemap-broken-entries");
    expect(entries.map((f) => f.evidence ?? "").join("\n")).toContain("/old-catalogue");
    const blocks = result.findings.filter((f) => f.rule === "seo-robots-txt-blocks-all");
    expect(blocks).toHaveLength(1); // "*" only: Googlebot has no group of its own
  });

  it("seo-hreflang fires on /canonical-elsewhere from the hreflang links gather collects", () => {
    const f = expectRule(result, "seo-hreflang", ["/canonical-elsewhere"], "low");
    expect(f[0].evidence).toContain('invalid language code "english"');
  });

  it("seo-link-text reports the icon-only link on / from the image alt text gather reports", () => {
    const empty = result.findings.filter((f) => f.rule === "seo-link-text" && f.title.includes("no text"));
    expect(pathsOf(empty)).toEqual(["/"]);
  });

  it("seo-canonical-invalid rates the canonical to a 404 high (gather probes canonical targets)", () => {
    const f = result.findings.filter((x) => x.rule === "seo-canonical-invalid" && x.severity === "high");
    expect(pathsOf(f)).toEqual(["/canonical-broken"]);
  });

  it("leaves well-formed pages alone", () => {
    const onWellFormed = result.findings.filter((f) => f.urls.some((u) => new URL(u).pathname === "/widgets-b") && f.rule !== "seo-title-duplicate" && f.rule !== "seo-title-length");
    expect(onWellFormed.map((f) => f.rule)).toEqual([]);
    expect(result.findings.filter((f) => f.rule === "seo-sitemap-missing" || f.rule === "seo-robots-txt-missing")).toEqual([]);
  });
});

describe("SEO checks on a bare site scanned from a missing page", () => {
  let server: FixtureServer;
  let result: RealScan;
  beforeAll(async () => ({ server, result } = await scan("bare", "/missing-page", 3)), 120_000);
  afterAll(async () => server?.close());

  it("reports the start page's 404, the missing robots.txt and the missing sitemap", () => {
    expectRule(result, "seo-page-status", ["/missing-page"], "high");
    expectRule(result, "seo-robots-txt-missing", ["/robots.txt"], "low");
    expectRule(result, "seo-sitemap-missing", ["/sitemap.xml"], "low");
    expect(result.findings.filter((f) => f.rule === "seo-sitemap-invalid" || f.rule === "seo-robots-txt-invalid")).toEqual([]);
  });
});

describe("SEO checks on a single-page app that answers robots.txt with HTML", () => {
  let server: FixtureServer;
  let result: RealScan;
  beforeAll(async () => ({ server, result } = await scan("spa", "/", 2)), 120_000);
  afterAll(async () => server?.close());

  it("reports robots.txt as not a robots file and the HTML /sitemap.xml as no sitemap", () => {
    expectRule(result, "seo-robots-txt-invalid", ["/robots.txt"], "low");
    expectRule(result, "seo-sitemap-missing", ["/sitemap.xml"], "low");
    expect(result.findings.filter((f) => ["seo-sitemap-invalid", "seo-robots-txt-missing", "seo-robots-txt-blocks-all"].includes(f.rule))).toEqual([]);
  });
});
