import fs from "node:fs";
import os from "node:os";

/**
 * The kernel's start time of a process (clock ticks since boot, /proc/<pid>/stat field 22), or undefined where
 * /proc is unavailable. Together with the pid it identifies a process: pids are reused (a container's server
 * is pid 1 on every start), start times are not.
 */
export function processStartTicks(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is parenthesised and may contain spaces: count fields after its closing paren.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export const hostname = os.hostname();
