// One finding per root cause on a real scan of the six-page fixture (test/fixtures/sites/six-pages): the
// shared script, the missing canonical and description, and the alt-less images at different positions each
// come out as one finding with one instance per page, and no two findings share a rule and subject.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeSelector } from "@/lib/scanner/subject";
import type { Finding } from "@/lib/scanner/types";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { realScan, type RealScan } from "@/test/scanner-checks/performance/real-scan";

const ROOT = path.join(import.meta.dirname, "..", "fixtures", "sites", "six-pages");

describe("grouping on the six-page fixture", () => {
  let server: FixtureServer;
  let result: RealScan;
  beforeAll(async () => {
    server = await startFixtureServer({ root: ROOT });
    result = await realScan(`${server.origin}/`, { maxPages: 10, pillars: ["accessibility", "performance", "seo"] });
  }, 180_000);
  afterAll(async () => server?.close());

  const only = (rule: string): Finding => {
    const f = result.findings.filter((x) => x.rule === rule);
    expect(f, rule).toHaveLength(1);
    return f[0];
  };

  it("crawls the six pages", () => {
    expect(result.pages.filter((p) => p.status === 200)).toHaveLength(6);
  });

  it("reports the shared unminified script once, with an instance per page", () => {
    const f = only("perf-unminified-code");
    expect(f.subjectKind).toBe("asset");
    expect(f.subject).toBe(`${server.origin}/js/vendor.js`);
    // Every page loads it; a page that got it from the browser cache has no body to judge, so up to six
    // instances, each on its own page, always one finding.
    const pages = f.instances?.map((i) => i.url) ?? [];
    expect(pages.length).toBeGreaterThan(0);
    expect(new Set(pages).size).toBe(pages.length);
    expect(f.instances?.every((i) => i.asset === `${server.origin}/js/vendor.js`)).toBe(true);
  });

  it("reports the missing canonical and meta description once each, listing the six pages", () => {
    for (const rule of ["seo-canonical-missing", "seo-meta-description-missing"]) {
      const f = only(rule);
      expect(f.subjectKind).toBe("site");
      expect(f.urls).toHaveLength(6);
    }
  });

  it("reports the alt-less images at different positions as one element pattern, an instance per page", () => {
    const f = only("axe-image-alt");
    expect(f.subjectKind).toBe("element");
    expect(f.selector).not.toMatch(/nth-child/);
    // However many pages axe finished on (a loaded machine can time it out), one pattern, one finding, and
    // every instance's own selector reduces to it.
    expect(f.instances?.length).toBeGreaterThan(0);
    for (const i of f.instances ?? []) expect(normalizeSelector(i.selector ?? "")).toBe(f.selector);
    expect(new Set(f.instances?.map((i) => i.url)).size).toBe(f.instances?.length);
  });

  it("never lists one root cause twice", () => {
    const keys = result.findings.map((f) => `${f.rule}\u0000${f.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(result.findings.length);
  });
});
