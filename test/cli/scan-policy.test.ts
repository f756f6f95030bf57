// `plumb scan --policy`: the quality gates a CI job enforces, as a user runs them (subprocess, real Chromium
// against a local fixture site): a failing gate exits 1 naming why, a passing one exits 0, a broken policy
// file exits 2 before any scan.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScanCli } from "@/lib/cli/scan";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";

const BIN = path.resolve("bin/plumb.mjs");

function plumb(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 180_000, maxBuffer: 20_000_000, env: { ...process.env, NO_COLOR: "1" } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// Each test spawns the CLI several times (a cold tsx start each): minutes on a 2-core machine running other suites.
describe("plumb scan --policy", { timeout: 300_000 }, () => {
  let site: FixtureServer;
  let third: FixtureServer;
  let bad: FixtureServer;
  let dir: string;
  const file = (name: string, content: unknown) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
    return p;
  };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-policy-"));
    site = await startFixtureServer({ root: path.resolve("test/fixtures/sites/clean") });
    // The site test/scanner/cli.test.ts fails with --fail-on medium: it has findings above "low".
    third = await startFixtureServer({ root: path.resolve("test/scanner/fixtures/third"), host: "127.0.0.2" });
    bad = await startFixtureServer({ root: path.resolve("test/scanner/fixtures/behaviour"), vars: { THIRD_PARTY: third.origin } });
  });
  afterAll(async () => {
    await Promise.all([site?.close(), third?.close(), bad?.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exits 2 for a policy file that is missing, not JSON or not a gate — before scanning", async () => {
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) };
    // An unreachable URL: had the scan started, the message would be about the target.
    expect(await runScanCli(["http://127.0.0.1:1/", "--policy", path.join(dir, "missing.json")], io)).toBe(2);
    expect(out.join("")).toMatch(/cannot read policy file/);
    expect(await runScanCli(["http://127.0.0.1:1/", "--policy", file("bad.json", "{nope")], io)).toBe(2);
    expect(out.join("")).toMatch(/not valid JSON/);
    expect(await runScanCli(["http://127.0.0.1:1/", "--policy", file("empty.json", { kind: "gate", rules: {} })], io)).toBe(2);
    expect(out.join("")).toMatch(/needs max_severity or min_score/);
    expect(await runScanCli(["http://127.0.0.1:1/", "--policy", file("auto.json", [{ kind: "automation", rules: { match: {}, actions: [] } }])], io)).toBe(2);
    expect(out.join("")).toMatch(/holds no gate policy/);
  });

  it("a failing gate exits 1 with the reasons; a passing gate exits 0", async () => {
    // The API's list answer works as a policy file; the automation policy in it is skipped.
    const failing = file("strict.json", { data: [{ name: "Nothing above low", kind: "gate", rules: { max_severity: "low" } }, { kind: "automation", rules: {} }] });
    const r = await plumb(["scan", `${bad.origin}/`, "--pages", "1", "--json", "--quiet", "--policy", failing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Policy "Nothing above low": FAILED — \d+ findings? above the allowed severity low \(/);
    expect(JSON.parse(r.stdout)).toHaveProperty("findings"); // stdout stays the machine-readable report
    const lenient = file("lenient.json", { max_severity: "critical", min_score: 0 });
    const ok = await plumb(["scan", `${site.origin}/`, "--pages", "1", "--pillars", "security,seo", "--quiet", "--policy", lenient]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/Policy "gate 1": passed/);
  }, 300_000);
});
