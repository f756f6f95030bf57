import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, type LockInfo } from "@/lib/db/data-dir-lock";
import { processStartTicks } from "@/lib/db/process-identity";

const dirs: string[] = [];
const children: ReturnType<typeof spawn>[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-lock-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function writeLock(dir: string, info: Partial<LockInfo>): void {
  const full: LockInfo = { pid: 1, hostname: os.hostname(), startedAt: "2026-01-01T00:00:00.000Z", role: "server", ...info };
  fs.writeFileSync(path.join(dir, "plumb.lock"), JSON.stringify(full));
}
const lockPid = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, "plumb.lock"), "utf8")) as LockInfo).pid;

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((r) => child.on("exit", r));
  return child.pid!;
}
async function liveChild(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  await new Promise((r) => child.on("spawn", r));
  return child.pid!;
}

describe("data directory lock", () => {
  it("is exclusive within a process and released on release()", () => {
    const dir = tmpDir();
    const lock = acquireDataDirLock(dir, "test");
    expect(lockPid(dir)).toBe(process.pid);
    expect(() => acquireDataDirLock(dir, "test")).toThrow(/already open in this process/);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    acquireDataDirLock(dir, "test").release();
  });

  it("refuses while another live process holds it, naming the holder", async () => {
    const dir = tmpDir();
    const pid = await liveChild();
    writeLock(dir, { pid, startTicks: processStartTicks(pid), role: "plumb server" });
    let err: unknown;
    try {
      acquireDataDirLock(dir, "cli");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toContain(`pid ${pid}`);
    expect((err as Error).message).toMatch(/plumb server.*stop that process/s);
    expect(lockPid(dir)).toBe(pid);
  });

  it("takes over a lock left by a dead process", async () => {
    const dir = tmpDir();
    writeLock(dir, { pid: await exitedPid() });
    const lock = acquireDataDirLock(dir, "test");
    expect(lockPid(dir)).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose pid was reused by another process (start time differs)", () => {
    const dir = tmpDir();
    writeLock(dir, { pid: process.pid, startTicks: "1" });
    const lock = acquireDataDirLock(dir, "test");
    expect(lockPid(dir)).toBe(process.pid);
    lock.release();
  });

  it("takes over an unreadable (half-written) lock file", () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "plumb.lock"), '{"pid": 12');
    acquireDataDirLock(dir, "test").release();
  });

  it("never steals a lock held from another machine", async () => {
    const dir = tmpDir();
    writeLock(dir, { pid: await exitedPid(), hostname: "some-other-host" });
    expect(() => acquireDataDirLock(dir, "test")).toThrow(DataDirLockedError);
  });

  it("does not delete a lock someone else took over", () => {
    const dir = tmpDir();
    const lock = acquireDataDirLock(dir, "test");
    writeLock(dir, { pid: 999_999 });
    lock.release();
    expect(lockPid(dir)).toBe(999_999);
  });
});
