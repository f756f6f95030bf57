// `plumb scan --devices`: parsed in-process, then run once as a subprocess against the device fixture (a page
// whose tap targets and width fail only on a phone and whose layout shifts only on a desktop screen).
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

describe("plumb scan --devices", () => {
  it("parses the device list in canonical order, mobile by default", () => {
    expect(parseScanArgs(["h.test", "--devices", "desktop,mobile"])).toMatchObject({ devices: ["mobile", "desktop"] });
    expect(parseScanArgs(["h.test", "--devices=desktop"])).toMatchObject({ devices: ["desktop"] });
    expect(parseScanArgs(["h.test", "--devices", "Mobile, mobile"])).toMatchObject({ devices: ["mobile"] });
    const parsed = parseScanArgs(["h.test"]);
    expect(parsed !== "help" && parsed.devices).toBeUndefined();
  });

  it("refuses unknown devices and an empty list with exit code 2", async () => {
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) };
    expect(await runScanCli(["http://x.test", "--devices", "mobile,tablet"], io)).toBe(2);
    expect(out.join("")).toMatch(/Unknown device "tablet"/);
    out.length = 0;
    expect(await runScanCli(["http://x.test", "--devices", ","], io)).toBe(2);
    expect(out.join("")).toMatch(/--devices needs one or more of mobile, desktop/);
    out.length = 0;
    expect(await runScanCli(["http://x.test", "--devices"], io)).toBe(2);
    expect(out.join("")).toMatch(/--devices needs a value/);
  });

  describe("against the device fixture", { timeout: 240_000 }, () => {
    let site: FixtureServer;
    beforeAll(async () => {
      site = await startFixtureServer({ root: path.resolve("test/scanner/fixtures/devices") });
    });
    afterAll(async () => site?.close());

    it("reports both devices, per-device metrics and device-tagged findings", async () => {
      const r = await plumb(["scan", `${site.origin}/`, "--pages", "1", "--pillars", "seo,performance,security", "--devices", "mobile,desktop", "--json", "--quiet"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as {
        devices?: string[];
        device_scores?: Record<string, number>;
        pages: { url: string; devices?: { device: string; metrics?: { cls: number | null } }[] }[];
        findings: { rule: string; pillar: string; devices?: string[] }[];
      };
      expect(report.devices).toEqual(["mobile", "desktop"]);
      expect(Object.keys(report.device_scores ?? {}).sort()).toEqual(["desktop", "mobile"]);
      expect(report.pages[0].devices?.map((d) => d.device)).toEqual(["mobile", "desktop"]);
      const rule = (id: string) => report.findings.find((f) => f.rule === id);
      expect(rule("seo-tap-targets")?.devices).toEqual(["mobile"]);
      expect(rule("seo-content-width")?.devices).toEqual(["mobile"]);
      expect(rule("perf-cls")?.devices).toEqual(["desktop"]);
      const security = report.findings.filter((f) => f.pillar === "security");
      expect(security.length).toBeGreaterThan(0);
      expect(security.every((f) => f.devices === undefined)).toBe(true);
    });
  });
});
