// `plumb scan` as a user runs it: a subprocess through bin/plumb.mjs, checking exit codes and output formats.
import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScanCli } from "@/lib/cli/scan";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const BIN = path.resolve("bin/plumb.mjs");

function plumb(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 120_000, maxBuffer: 20_000_000, env: { ...process.env, NO_COLOR: "1" } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe("plumb scan (subprocess)", () => {
  let clean: FixtureServer;
  let third: FixtureServer;
  let bad: FixtureServer;
  beforeAll(async () => {
    clean = await startFixtureServer({ root: path.resolve("test/fixtures/sites/clean") });
    third = await startFixtureServer({ root: path.resolve("test/scanner/fixtures/third"), host: "127.0.0.2" });
    bad = await startFixtureServer({ root: path.resolve("test/scanner/fixtures/behaviour"), vars: { THIRD_PARTY: third.origin } });
  });
  afterAll(async () => {
    await Promise.all([clean?.close(), third?.close(), bad?.close()]);
  });

  it("exits 2 on bad arguments", async () => {
    const none = await plumb(["scan"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing <url>/);
    // the rest of argument validation in-process (same function the bin calls)
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) };
    expect(await runScanCli(["http://x.test", "--json", "--sarif"], io)).toBe(2);
    expect(out.join("")).toMatch(/choose one of/);
    expect(await runScanCli(["http://x.test", "--fail-on", "urgent"], io)).toBe(2);
    expect(await runScanCli(["http://x.test", "--pillars", "security,vibes"], io)).toBe(2);
    expect(await runScanCli(["http://x.test", "--pages", "0"], io)).toBe(2);
    expect(await runScanCli(["--help"], io)).toBe(0);
  });

  it("exits 2 with a clear message when the target is unreachable", async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const r = await plumb(["scan", `http://127.0.0.1:${port}/`, "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unreachable/);
    expect(r.stdout).toBe("");
  });

  it("prints the JSON report and exits 0 under the --fail-on threshold", async () => {
    const r = await plumb(["scan", `${clean.origin}/`, "--pages", "2", "--pillars", "security,seo", "--json", "--fail-on", "critical"]);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ target: `${clean.origin}/` });
    expect(report.pages).toHaveLength(2);
    expect(Object.keys(report.scores as object).every((p) => ["security", "seo"].includes(p))).toBe(true);
    expect(typeof report.grade).toBe("string");
    expect(Array.isArray(report.findings)).toBe(true);
    expect(r.stderr).toMatch(/\[1\/2\]|\[2\/2\]/); // progress goes to stderr
  });

  it("exits 1 when findings reach --fail-on, with valid SARIF on stdout", async () => {
    const r = await plumb(["scan", `${bad.origin}/`, "--pages", "1", "--sarif", "--fail-on", "medium", "--quiet"]);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    const ids = new Set(sarif.runs[0].tool.driver.rules.map((x) => x.id));
    expect(sarif.runs[0].results.every((x) => ids.has(x.ruleId))).toBe(true);
  });

  it("prints SECURITY-FIX.md with --md and human output by default", async () => {
    const md = await plumb(["scan", `${bad.origin}/`, "--pages", "1", "--pillars", "security", "--md", "--quiet"]);
    expect(md.code).toBe(0);
    expect(md.stdout.startsWith("---\nformat: security-fix/v1\n")).toBe(true);
    expect(md.stdout).toMatch(/^## 1\. /m);
    const human = await plumb(["scan", `${clean.origin}/`, "--pages", "1", "--pillars", "seo", "--quiet"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Overall grade: /);
    expect(human.stdout).toMatch(/seo\s+\d+/);
  });
});
