import fs from "node:fs";
import path from "node:path";
import { isMainThread } from "node:worker_threads";

// The embedded data directory holds the whole database, the generated secrets and the lock: nobody but the
// account running Plumb may read it. Created 0700 with a umask that keeps every later file private, and
// tightened at every start for directories created by older versions (or restored from a backup).

/** Files and directories this process creates from now on get no group/other permissions. */
export function restrictUmask(): void {
  // Worker threads may not change the process umask; there securePrivateDir's chmod still applies at open.
  if (!isMainThread) return;
  const previous = process.umask(0o077);
  process.umask(previous | 0o077);
}

/**
 * Creates `dir` (mode 0700) if needed and removes group/other permissions from it and everything inside it.
 * Symbolic links are left alone (their target may be anywhere). Returns how many entries it changed.
 */
export function securePrivateDir(dir: string): number {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let changed = 0;
  const tighten = (p: string, st: fs.Stats) => {
    const mode = st.mode & 0o7777;
    const wanted = st.isDirectory() ? (mode & 0o700) | 0o700 : mode & 0o700;
    if (mode !== wanted) {
      fs.chmodSync(p, wanted);
      changed++;
    }
  };
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return; // removed while we walk (PGlite temp files)
    }
    if (st.isSymbolicLink()) return;
    tighten(p, st);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(path.resolve(dir));
  return changed;
}
