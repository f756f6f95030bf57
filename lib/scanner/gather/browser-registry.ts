// Chromium outlives a process killed with SIGKILL: puppeteer starts it in its own process group, and nothing
// is left to close it or delete its temporary profile. A registry records every browser a server launches
// (one small JSON file per browser in a directory the server owns); the next start reaps what a dead owner
// left behind. Plain files and /proc, no database: the scanner stays usable without one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

export interface BrowserRegistry {
  /** Before launch: the profile directory (the browser's pid is not known yet). Returns the entry's id. */
  register(profileDir: string): string;
  /** After launch. */
  setPid(id: string, pid: number): void;
  /** After the browser closed and its profile was removed. */
  unregister(id: string): void;
}

const entrySchema = z.object({
  profileDir: z.string().min(1),
  pid: z.number().int().positive().nullable(),
  ownerPid: z.number().int().positive(),
  ownerStartTicks: z.string().nullable(),
  hostname: z.string(),
  startedAt: z.string(),
});
type Entry = z.infer<typeof entrySchema>;

/** Field 22 of /proc/<pid>/stat (start time in clock ticks): with the pid, it names one process. */
function startTicks(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function processGroup(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
    return Number.isInteger(pgrp) ? pgrp : null;
  } catch {
    return null;
  }
}

function commandLine(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A Chromium/Chrome process (browser or child) started with exactly this profile directory. */
export function isChromiumWithProfile(pid: number, profileDir: string): boolean {
  const argv = commandLine(pid);
  if (!argv || argv.length === 0) return false;
  const exe = path.basename(argv[0]).toLowerCase();
  if (!/chrom|chrome|headless_shell/.test(exe)) return false;
  return argv.includes(`--user-data-dir=${profileDir}`);
}

/** Pids of every live process that is a Chromium using `profileDir` (the browser and its children). */
export function findChromiumWithProfile(profileDir: string): number[] {
  let names: string[];
  try {
    names = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  return names
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .filter((pid) => pid !== process.pid && isChromiumWithProfile(pid, profileDir));
}

export function fileBrowserRegistry(dir: string): BrowserRegistry {
  const file = (id: string) => path.join(dir, `${id}.json`);
  const write = (id: string, entry: Entry) => {
    const tmp = `${file(id)}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(entry) + "\n", { mode: 0o600 });
    fs.renameSync(tmp, file(id));
  };
  const read = (id: string): Entry | null => {
    try {
      const parsed = entrySchema.safeParse(JSON.parse(fs.readFileSync(file(id), "utf8")));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  return {
    register(profileDir) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const id = `${process.pid}-${path.basename(profileDir)}`;
      write(id, {
        profileDir,
        pid: null,
        ownerPid: process.pid,
        ownerStartTicks: startTicks(process.pid),
        hostname: os.hostname(),
        startedAt: new Date().toISOString(),
      });
      return id;
    },
    setPid(id, pid) {
      const entry = read(id);
      if (entry) write(id, { ...entry, pid });
    },
    unregister(id) {
      fs.rmSync(file(id), { force: true });
    },
  };
}

export interface ReapReport {
  /** Pids killed (browsers and their children). */
  killed: number[];
  /** Temporary profiles deleted. */
  removedProfiles: string[];
}

/**
 * Kills the browsers recorded in `dir` whose owner is gone, and deletes their temporary profiles. A pid is
 * only killed after checking, in /proc, that it is still a Chromium started with that profile directory (pids
 * are reused). Entries of a live owner (another process sharing the directory) and of other hosts are kept.
 */
export async function reapLeftoverBrowsers(dir: string): Promise<ReapReport> {
  const report: ReapReport = { killed: [], removedProfiles: [] };
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(".json"));
  } catch {
    return report;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    let entry: Entry;
    try {
      const parsed = entrySchema.safeParse(JSON.parse(fs.readFileSync(full, "utf8")));
      if (!parsed.success) {
        fs.rmSync(full, { force: true });
        continue;
      }
      entry = parsed.data;
    } catch {
      fs.rmSync(full, { force: true });
      continue;
    }
    if (entry.hostname !== os.hostname()) continue;
    const ownerAlive = entry.ownerPid !== process.pid && alive(entry.ownerPid) && startTicks(entry.ownerPid) === entry.ownerStartTicks;
    if (ownerAlive) continue;

    const pids = new Set(findChromiumWithProfile(entry.profileDir));
    if (entry.pid && isChromiumWithProfile(entry.pid, entry.profileDir)) pids.add(entry.pid);
    const killed: number[] = [];
    for (const pid of pids) {
      try {
        // puppeteer starts the browser as a process-group leader: take its helpers (zygote, renderers) too.
        if (pid === entry.pid && processGroup(pid) === pid) process.kill(-pid, "SIGKILL");
        else process.kill(pid, "SIGKILL");
        killed.push(pid);
      } catch {
        // exited meanwhile
      }
    }
    report.killed.push(...killed);
    // SIGKILL is asynchronous: let the processes go before deleting the profile they write to.
    for (let i = 0; i < 50 && killed.some((pid) => alive(pid) && isChromiumWithProfile(pid, entry.profileDir)); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // Only ever a directory this registry created under the temp dir: never follow a tampered entry elsewhere.
    const tmp = path.resolve(os.tmpdir());
    const profile = path.resolve(entry.profileDir);
    if (profile.startsWith(tmp + path.sep) && path.basename(profile).startsWith("plumb-chrome-") && fs.existsSync(profile)) {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      report.removedProfiles.push(profile);
    }
    fs.rmSync(full, { force: true });
  }
  return report;
}
