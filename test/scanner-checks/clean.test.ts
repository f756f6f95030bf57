// The clean, well-built fixture site (test/fixtures/sites/clean) must not trigger the security, cookie,
// tracker or privacy checks — except plain HTTP, since loopback has no TLS.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "@/lib/scanner";
import { SITES, scanFixture } from "./support";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

describe("clean fixture site", () => {
  let site: FixtureServer;
  let result: ScanResult;

  beforeAll(async () => {
    site = await startFixtureServer({ root: path.join(SITES, "clean") });
    result = await scanFixture(`${site.origin}/`, { maxPages: 10, pillars: ["security", "cookies", "trackers", "privacy"] });
  });
  afterAll(async () => {
    await site?.close();
  });

  it("raises no medium-or-worse security/cookie/tracker/privacy finding except plain HTTP", () => {
    const loud = result.findings.filter((f) => ["critical", "high", "medium"].includes(f.severity) && f.rule !== "plain-http");
    expect(loud.map((f) => `${f.severity} ${f.rule}: ${f.title}`)).toEqual([]);
    expect(result.findings.map((f) => f.rule)).toContain("plain-http");
  });

  it("raises no cookie, tracker or privacy finding at all, and every check ran without error", () => {
    expect(result.findings.filter((f) => f.pillar !== "security").map((f) => f.rule)).toEqual([]);
    expect(result.checks.filter((c) => c.outcome === "error")).toEqual([]);
  });
});
