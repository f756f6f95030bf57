// A Chromium left behind by a server killed with SIGKILL mid-scan is reaped at the next start: the browser
// (and its helper processes) killed after checking it is still that Chromium, its temporary profile deleted.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromiumWithProfile, isChromiumWithProfile, reapLeftoverBrowsers } from "@/lib/scanner/gather/browser-registry";
import { openDatabase } from "@/lib/db";
import { startServer, SERVER_START_TIMEOUT } from "@/test/support/server";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const f of cleanup) f();
});

/** Starts a process that launches Chromium through the registry, kills it with SIGKILL, returns what it left. */
async function orphanBrowser(registryDir: string): Promise<{ pid: number; profileDir: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test/hardening/fixtures/launch-and-hang.ts"), registryDir], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (c: Buffer) => (err += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0]);
    });
    child.on("exit", (code) => reject(new Error(`launcher exited (${code}) before printing: ${err}`)));
  });
  const info = JSON.parse(line) as { pid: number; profileDir: string };
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(child.pid!, "SIGKILL");
  await exited;
  cleanup.push(() => {
    for (const pid of findChromiumWithProfile(info.profileDir)) process.kill(pid, "SIGKILL");
    fs.rmSync(info.profileDir, { recursive: true, force: true });
  });
  return info;
}

describe("leftover Chromium reaping", () => {
  it("survives its owner's kill -9, and reapLeftoverBrowsers kills only it and deletes its profile", { timeout: 180_000 }, async () => {
    const registryDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-reaper-"));
    cleanup.push(() => fs.rmSync(registryDir, { recursive: true, force: true }));
    const orphan = await orphanBrowser(registryDir);
    // The point of the exercise: the browser outlived its owner.
    expect(isChromiumWithProfile(orphan.pid, orphan.profileDir)).toBe(true);
    expect(fs.existsSync(orphan.profileDir)).toBe(true);
    const helpers = findChromiumWithProfile(orphan.profileDir);
    expect(helpers).toContain(orphan.pid);

    const report = await reapLeftoverBrowsers(registryDir);
    expect(report.killed).toContain(orphan.pid);
    expect(report.removedProfiles).toEqual([path.resolve(orphan.profileDir)]);
    expect(isChromiumWithProfile(orphan.pid, orphan.profileDir)).toBe(false);
    expect(findChromiumWithProfile(orphan.profileDir)).toEqual([]);
    expect(fs.existsSync(orphan.profileDir)).toBe(false);
    expect(fs.readdirSync(registryDir)).toEqual([]);
  });

  it("never kills a process that is not that Chromium (a reused pid)", { timeout: 60_000 }, async () => {
    const registryDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-reaper-"));
    cleanup.push(() => fs.rmSync(registryDir, { recursive: true, force: true }));
    const bystander = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    cleanup.push(() => bystander.kill("SIGKILL"));
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-chrome-"));
    fs.writeFileSync(
      path.join(registryDir, "stale.json"),
      JSON.stringify({ profileDir, pid: bystander.pid, ownerPid: 4_194_311 /* above pid_max: never a live process */, ownerStartTicks: null, hostname: os.hostname(), startedAt: new Date().toISOString() }),
    );
    const report = await reapLeftoverBrowsers(registryDir);
    expect(report.killed).toEqual([]);
    expect(bystander.exitCode).toBeNull();
    expect(() => process.kill(bystander.pid!, 0)).not.toThrow();
    expect(fs.existsSync(profileDir)).toBe(false);
  });

  it("the next server start reaps what a killed one left", { timeout: SERVER_START_TIMEOUT }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-reaper-data-"));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    // Where the server records its scan browsers (lib/services/scans/browser-registry.ts).
    const orphan = await orphanBrowser(path.join(dataDir, "browsers"));
    expect(isChromiumWithProfile(orphan.pid, orphan.profileDir)).toBe(true);

    // The database exists already (as after any earlier run), so the start is quick even on a busy machine.
    const db = await openDatabase({ dir: dataDir, url: "" });
    await db.close();
    const server = await startServer({ env: { PLUMB_DATA_DIR: dataDir }, readyTimeoutMs: 300_000 });
    try {
      expect(isChromiumWithProfile(orphan.pid, orphan.profileDir)).toBe(false);
      expect(findChromiumWithProfile(orphan.profileDir)).toEqual([]);
      expect(fs.existsSync(orphan.profileDir)).toBe(false);
      expect(server.logs()).toMatch(/reaped 1 leftover Chromium process\(es\) and 1 temporary profile/);
    } finally {
      await server.stop();
    }
  });
});
