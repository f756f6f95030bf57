// `plumb scan` signed in: --login-script (a JSON file), --header and --cookie parsing, against the login
// fixture site as a subprocess.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScanArgs, readLoginScript, runScanCli } from "@/lib/cli/scan";
import { HEADER_TOKEN, LOGIN_PASSWORD, LOGIN_USER, startLoginSite, type LoginSite } from "@/test/support/login-site";

const BIN = path.resolve("bin/plumb.mjs");

function plumb(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 240_000, maxBuffer: 20_000_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe("plumb scan sign-in options", () => {
  let dir: string;
  let site: LoginSite;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-cli-auth-"));
    site = await startLoginSite();
  });
  afterAll(async () => {
    await site?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("parses repeated --header and --cookie and refuses malformed ones", async () => {
    expect(parseScanArgs(["h.test", "--header", "Authorization: Bearer a:b", "--header", "X-Env: staging", "--cookie", "sid=abc=", "--cookie=lang=fr"])).toMatchObject({
      headers: [
        { name: "Authorization", value: "Bearer a:b" },
        { name: "X-Env", value: "staging" },
      ],
      cookies: [
        { name: "sid", value: "abc=" },
        { name: "lang", value: "fr" },
      ],
    });
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) };
    expect(await runScanCli(["h.test", "--header", "no-colon"], io)).toBe(2);
    expect(await runScanCli(["h.test", "--header", "Host: evil.test"], io)).toBe(2);
    expect(await runScanCli(["h.test", "--cookie", "novalue"], io)).toBe(2);
  });

  it("validates the login script file without echoing its password", () => {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ url: "https://h.test/login", username: "u", password: "hunter2-secret", username_selector: "#u", password_selector: "#p" }));
    expect(() => readLoginScript(bad)).toThrow(/success_selector/);
    try {
      readLoginScript(bad);
    } catch (err) {
      expect((err as Error).message).not.toContain("hunter2-secret");
    }
    expect(() => readLoginScript(path.join(dir, "missing.json"))).toThrow(/ENOENT/);
  });

  it("signs in with --login-script and scans the private pages, skipping logout", async () => {
    const file = path.join(dir, "login.json");
    fs.writeFileSync(
      file,
      JSON.stringify({ url: `${site.origin}/login`, username: LOGIN_USER, password: LOGIN_PASSWORD, username_selector: "#email", password_selector: "#password", submit_selector: "#sign-in", success_url: "/account" }),
    );
    const r = await plumb(["scan", `${site.origin}/`, "--pages", "8", "--pillars", "seo", "--json", "--quiet", "--login-script", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { pages: { url: string; status: number | null }[]; skipped_pages?: { url: string; reason: string }[] };
    const ok = report.pages.filter((p) => p.status === 200).map((p) => new URL(p.url).pathname);
    expect(ok).toEqual(expect.arrayContaining(["/account", "/account/orders", "/account/settings"]));
    expect(report.skipped_pages?.some((s) => /logout link/.test(s.reason))).toBe(true);
    expect(site.logoutHits).toBe(0);
    expect(site.logins).toBe(1);
  }, 240_000);

  it("reaches pages behind a token header with --header", async () => {
    const r = await plumb(["scan", `${site.origin}/account`, "--pages", "3", "--pillars", "seo", "--json", "--quiet", "--header", `X-Fixture-Token: ${HEADER_TOKEN}`]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { pages: { url: string; status: number | null }[] };
    expect(report.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(["/account", "/account/orders", "/account/settings"]);
    expect(site.logoutHits).toBe(0);
  }, 240_000);
});
