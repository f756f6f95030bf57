// `plumb scan` crawl options: robots.txt (audited and listed by default, --respect-robots), include/exclude
// patterns and --max-depth, parsed in-process and run once as a subprocess against the robots fixture.
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScanArgs, runScanCli } from "@/lib/cli/scan";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const BIN = path.resolve("bin/plumb.mjs");

function plumb(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 240_000, maxBuffer: 20_000_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe("plumb scan crawl options", () => {
  it("parses --respect-robots, repeated --include/--exclude and --max-depth", () => {
    expect(parseScanArgs(["h.test", "--respect-robots", "--include", "/blog/", "--include=/docs/", "--exclude", "/*.pdf$", "--max-depth", "2"])).toMatchObject({
      respectRobots: true,
      include: ["/blog/", "/docs/"],
      exclude: ["/*.pdf$"],
      maxDepth: 2,
    });
    expect(parseScanArgs(["h.test"])).toMatchObject({ respectRobots: false });
  });

  it("refuses patterns that are not path patterns and negative depths", async () => {
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) };
    expect(await runScanCli(["http://x.test", "--include", "https://x.test/blog"], io)).toBe(2);
    expect(out.join("")).toMatch(/path pattern/);
    expect(await runScanCli(["http://x.test", "--max-depth", "-1"], io)).toBe(2);
  });

  describe("against the robots fixture", () => {
    let site: FixtureServer;
    beforeAll(async () => {
      site = await startFixtureServer({ root: path.resolve("test/fixtures/sites/robots") });
    });
    afterAll(async () => site?.close());

    it("lists pages blocked by robots.txt and honours --exclude and --max-depth", async () => {
      const r = await plumb(["scan", `${site.origin}/`, "--pages", "30", "--pillars", "seo", "--json", "--quiet", "--exclude", "/admin/", "--max-depth", "1"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as { pages: { url: string; robots_blocked?: boolean }[]; skipped_pages?: { url: string; reason: string }[]; findings: { rule: string }[] };
      const paths = report.pages.map((p) => new URL(p.url).pathname);
      expect(paths).not.toContain("/admin/");
      expect(paths).not.toContain("/deep/2");
      expect(report.pages.filter((p) => p.robots_blocked).map((p) => new URL(p.url).pathname).sort()).toEqual(["/drafts/hidden-on-purpose", "/drafts/secret", "/staging/preview"]);
      expect(report.skipped_pages?.find((s) => s.url.endsWith("/admin/"))?.reason).toBe("excluded by pattern /admin/");
      expect(report.findings.some((f) => f.rule === "seo-blocked-by-robots")).toBe(true);
    });
  });
});
