import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { hostname, isProcessAlive, processStartTicks } from "./process-identity";

// PGlite is a single-process database: a second process opening the same directory corrupts it or waits
// forever. This lock file turns that into an immediate, explicit error.

const LOCK_FILE = "plumb.lock";
// Guards the rare race of two processes taking over the same stale lock; held for a few milliseconds.
const TAKEOVER_FILE = "plumb.lock.takeover";
const TAKEOVER_STALE_MS = 10_000;

const lockInfo = z.object({
  pid: z.number().int(),
  startTicks: z.string().optional(),
  hostname: z.string(),
  startedAt: z.string(),
  role: z.string(),
});
export type LockInfo = z.infer<typeof lockInfo>;

export class DataDirLockedError extends Error {
  readonly holder: LockInfo;
  constructor(dir: string, holder: LockInfo) {
    super(
      `The embedded database in ${dir} is in use by another Plumb process ` +
        `(${holder.role}, pid ${holder.pid} on ${holder.hostname}, since ${holder.startedAt}). ` +
        `PGlite allows one process at a time: stop that process and retry, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DataDirLockedError";
    this.holder = holder;
  }
}

export interface DataDirLock {
  file: string;
  release(): void;
}

// Shared across bundles of the same process (Next.js may load this module more than once).
const held = ((globalThis as unknown as { __plumbDirLocks?: Map<string, LockInfo> }).__plumbDirLocks ??= new Map());

function readLock(file: string): LockInfo | undefined {
  try {
    const parsed = lockInfo.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    // An unreadable lock file is treated as stale: the writer died between create and write.
    return parsed.success ? parsed.data : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}

function isStale(info: LockInfo | undefined): boolean {
  if (!info) return true;
  // Another machine (shared volume): we cannot see its processes, so we never steal its lock.
  if (info.hostname !== hostname) return false;
  if (!isProcessAlive(info.pid)) return true;
  const ticks = processStartTicks(info.pid);
  return ticks !== undefined && info.startTicks !== undefined && ticks !== info.startTicks;
}

function tryCreate(file: string, info: LockInfo): boolean {
  try {
    fs.writeFileSync(file, JSON.stringify(info) + "\n", { flag: "wx", mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

function takeOverStale(dir: string, file: string, seen: LockInfo | undefined, info: LockInfo): boolean {
  const guard = path.join(dir, TAKEOVER_FILE);
  try {
    if (Date.now() - fs.statSync(guard).mtimeMs > TAKEOVER_STALE_MS) fs.rmSync(guard, { force: true });
  } catch {
    // no guard file: the usual case
  }
  if (!tryCreate(guard, info)) return false;
  try {
    // Re-check under the guard: someone may have taken over between our read and now.
    if (JSON.stringify(readLock(file)) !== JSON.stringify(seen)) return false;
    fs.rmSync(file, { force: true });
    return tryCreate(file, info);
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/** Takes the data directory's lock or throws DataDirLockedError naming the holder. */
export function acquireDataDirLock(dir: string, role: string): DataDirLock {
  const abs = path.resolve(dir);
  fs.mkdirSync(abs, { recursive: true, mode: 0o700 });
  const file = path.join(abs, LOCK_FILE);
  const mine = held.get(file);
  if (mine) throw new Error(`The embedded database in ${abs} is already open in this process (${mine.role}); reuse getDatabase().`);

  const info: LockInfo = {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    hostname,
    startedAt: new Date().toISOString(),
    role,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, info)) return register(file, info);
    const current = readLock(file);
    if (!isStale(current)) throw new DataDirLockedError(abs, current!);
    if (takeOverStale(abs, file, current, info)) return register(file, info);
  }
  throw new Error(`Could not take the lock ${file} (it keeps changing). Is another Plumb process starting right now?`);
}

function register(file: string, info: LockInfo): DataDirLock {
  held.set(file, info);
  const release = () => {
    if (held.get(file) !== info) return;
    held.delete(file);
    // Only remove the file if it is still ours (never delete a lock someone took over from us).
    if (readLock(file)?.pid === info.pid && readLock(file)?.startedAt === info.startedAt) fs.rmSync(file, { force: true });
    process.off("exit", release);
  };
  // A crash (SIGKILL) leaves the file behind; the next start sees a dead pid and takes over.
  process.on("exit", release);
  return { file, release };
}
