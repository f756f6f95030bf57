// A clean, well-built site must raise no medium-or-worse finding. Loopback has no TLS, so the findings that
// are only about the plain-HTTP transport are excepted.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanSite } from "@/lib/scanner";
import { allChecks } from "@/lib/scanner/checks";
import type { ScanResult } from "@/lib/scanner/types";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

/** Rules that can only pass over HTTPS. */
const TRANSPORT_RULES = new Set(["plain-http", "https-redirect", "hsts-missing", "tls-certificate"]);

describe("clean fixture site", () => {
  let site: FixtureServer;
  let result: ScanResult;
  beforeAll(async () => {
    site = await startFixtureServer({ root: path.resolve("test/fixtures/sites/clean") });
    result = await scanSite({ url: `${site.origin}/`, allowPrivate: true, maxPages: 10 });
  }, 180_000);
  afterAll(async () => site?.close());

  it("crawls every page of the site", () => {
    expect(result.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(
      ["/", "/about", "/blog/", "/blog/long-fermentation", "/blog/rye-starter", "/contact", "/privacy"].sort(),
    );
    expect(result.pages.every((p) => p.status === 200)).toBe(true);
  });

  it("raises no medium-or-worse finding (plain-HTTP transport excepted)", () => {
    const serious = result.findings
      .filter((f) => ["critical", "high", "medium"].includes(f.severity) && !TRANSPORT_RULES.has(f.rule))
      .map((f) => `${f.severity} ${f.pillar}/${f.rule}: ${f.title} @ ${f.urls.join(", ")}${f.evidence ? `\n    ${f.evidence.slice(0, 300)}` : ""}`);
    expect(serious).toEqual([]);
  });

  it("runs every registered check without errors", () => {
    const errored = result.checks.filter((c) => c.outcome === "error").map((c) => `${c.rule}: ${c.error}`);
    expect(errored).toEqual([]);
    expect(result.checks).toHaveLength(allChecks.length);
  });

  it("scores well wherever checks exist", () => {
    for (const [pillar, score] of Object.entries(result.scores)) {
      expect(score, pillar).toBeGreaterThanOrEqual(85);
    }
  });
});
