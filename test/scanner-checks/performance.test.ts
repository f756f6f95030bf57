// The performance fixture site (test/fixtures/sites/perf) has one known defect per page; a real scan must
// report every performance rule on the page that carries its defect. Slow responses come from the fixture
// server's per-path delays, the multi-megabyte bundle from a template variable (kept out of git).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "@/lib/scanner/types";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { realScan, type RealScan } from "./performance/real-scan";

const ROOT = path.resolve(import.meta.dirname, "../fixtures/sites/perf");

/** rule -> path of the page that carries the defect */
const EXPECTED: Record<string, string> = {
  "perf-ttfb": "/slow-ttfb",
  "perf-fcp": "/slow-fcp",
  "perf-lcp": "/slow-lcp",
  "perf-cls": "/shift",
  "perf-tbt": "/busy",
  "perf-page-weight": "/heavy",
  "perf-bytes-by-type": "/heavy",
  "perf-request-count": "/many",
  "perf-redirect-chain": "/hop1",
  "perf-render-blocking-script": "/",
  "perf-render-blocking-css": "/",
  "perf-text-compression": "/heavy",
  "perf-unminified-code": "/",
  "perf-cache-policy": "/",
  "perf-oversized-images": "/",
};

describe("performance checks on the perf fixture site", () => {
  let server: FixtureServer;
  let result: RealScan;
  beforeAll(async () => {
    // ~2.2 MB of JavaScript, served uncompressed: the heavy-page defect.
    const bigJs = `/* filler bundle */\n${'var filler = "0123456789abcdefghijklmnopqrstuvwxyz";\n'.repeat(45_000)}`;
    server = await startFixtureServer({ root: ROOT, vars: { BIG_JS: bigJs } });
    // The fixture's metric pages are calibrated for a desktop window (which element is the LCP depends on the
    // viewport: at 412 px the hero of /slow-lcp is no longer the largest, and /slow-fcp's late image becomes it).
    result = await realScan(`${server.origin}/`, { maxPages: 12, pillars: ["performance"], devices: ["desktop"] });
  }, 180_000);
  afterAll(async () => server?.close());

  const findings = (rule: string): Finding[] => result.findings.filter((f) => f.rule === rule);
  const paths = (f: Finding[]) => f.flatMap((x) => x.urls).map((u) => new URL(u).pathname);

  it("crawls every fixture page", () => {
    expect(result.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(
      ["/", "/busy", "/heavy", "/hop1", "/many", "/shift", "/slow-fcp", "/slow-lcp", "/slow-ttfb"].sort(),
    );
    expect(result.checks.filter((c) => c.pillar === "performance" && c.outcome === "error")).toEqual([]);
  });

  for (const [rule, page] of Object.entries(EXPECTED)) {
    it(`${rule} fires on ${page}`, () => {
      const f = findings(rule);
      expect(f.length, `${rule} did not fire`).toBeGreaterThan(0);
      expect(paths(f)).toContain(page);
      for (const x of f) {
        expect(x.pillar).toBe("performance");
        expect(x.fix.length).toBeGreaterThan(20);
        expect((x.evidence ?? "").length).toBeLessThanOrEqual(2000);
      }
    });
  }

  it("perf-unsized-images fires on / from the CSS sizing gather reports", () => {
    const f = findings("perf-unsized-images");
    expect(paths(f)).toContain("/");
    const evidence = f.map((x) => x.evidence ?? "").join("\n");
    expect(evidence).toContain("/assets/photo.png");
    // The banner has no attributes but `.thumb { width: 60px; height: 45px }` reserves its box.
    expect(evidence).not.toContain("/nocache/banner.png");
  });

  it("pins the metric findings to their pages only", () => {
    expect(paths(findings("perf-ttfb"))).toEqual(["/slow-ttfb"]);
    expect(paths(findings("perf-lcp"))).toEqual(["/slow-lcp"]);
    expect(paths(findings("perf-cls"))).toEqual(["/shift"]);
    expect(paths(findings("perf-tbt"))).toEqual(["/busy"]);
  });

  it("names the offending resources in the evidence", () => {
    const evidence = (rule: string) => findings(rule).map((f) => f.evidence ?? "").join("\n");
    expect(evidence("perf-render-blocking-script")).toContain("/assets/config.js");
    // One finding per host: the evidence is the first page's list (legacy.js on / or bundle.js on /heavy).
    expect(evidence("perf-text-compression")).toMatch(/\/uncompressed\/(legacy|bundle)\.js/);
    expect(evidence("perf-cache-policy")).toContain("/nocache/banner.png");
    expect(evidence("perf-cache-policy")).not.toContain("/assets/");
    expect(evidence("perf-oversized-images")).toContain("600x450");
  });
});
