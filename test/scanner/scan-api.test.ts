// The entry points a background job uses: crawl in one step, gather in another, progress, cancel.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanError, discoverPages, scanPages, scanSite, type ScanProgress } from "@/lib/scanner";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

describe("scanner API", () => {
  let site: FixtureServer;
  beforeAll(async () => {
    site = await startFixtureServer({ root: path.resolve("test/fixtures/sites/crawl") });
  });
  afterAll(async () => site?.close());

  it("discovers in one step and scans the given pages in another, reporting progress", async () => {
    const urls = await discoverPages({ url: site.origin, allowPrivate: true, maxPages: 3 });
    expect(urls).toHaveLength(3);
    const progress: ScanProgress[] = [];
    const result = await scanPages({ url: site.origin, allowPrivate: true, pillars: ["seo"], onProgress: (p) => progress.push(p) }, urls);
    expect(result.pages.map((p) => p.url)).toEqual(urls);
    expect(result.pages.every((p) => p.status === 200)).toBe(true);
    expect(Object.keys(result.scores)).toEqual(["seo"]);
    expect(result.checks.every((c) => c.pillar === "seo")).toBe(true);
    const phases = progress.map((p) => p.phase);
    expect(phases[0]).toBe("launch");
    expect(phases).toContain("gather");
    expect(phases.indexOf("check")).toBeGreaterThan(phases.lastIndexOf("gather"));
    expect(phases.at(-1)).toBe("done");
    expect(progress.filter((p) => p.phase === "gather").at(-1)?.pagesDone).toBe(3);
    expect(new Date(result.finished_at).getTime()).toBeGreaterThanOrEqual(new Date(result.started_at).getTime());
  });

  it("cancels through the AbortSignal", async () => {
    const controller = new AbortController();
    const err = await scanSite({
      url: site.origin,
      allowPrivate: true,
      maxPages: 6,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "gather") controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    expect((err as ScanError).code).toBe("aborted");
  });
});
