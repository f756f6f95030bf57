#!/usr/bin/env node
// Smoke test of the quick start on whatever Node runs this script: `npm start` with a fresh embedded data
// directory on a free port must answer /api/v1/health within the time limit. CI runs the full suite on the
// supported Node (22) and this on the machine's own Node, so an older runtime is never locked out unnoticed.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { root } from "./run.mjs";

const LIMIT_MS = Number(process.env.SMOKE_LIMIT_MS || 300_000);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-smoke-"));
const t0 = performance.now();
console.log(`[smoke] node ${process.version}: npm start on port ${port}, data in ${dataDir}`);
const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
  cwd: root,
  detached: true,
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...process.env, PORT: String(port), PLUMB_DATA_DIR: dataDir, PLUMB_DEMO_SEED: "0" },
});
let log = "";
child.stdout.on("data", (d) => (log += d));
child.stderr.on("data", (d) => (log += d));
let exited = null;
child.on("exit", (code, signal) => (exited = code ?? signal));

let ok = false;
while (performance.now() - t0 < LIMIT_MS && exited === null) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
    if (res.status === 200) {
      ok = true;
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}

const took = ((performance.now() - t0) / 1000).toFixed(1);
try {
  process.kill(-child.pid, "SIGTERM");
} catch {
  // already gone
}
await new Promise((r) => setTimeout(r, 1500));
try {
  process.kill(-child.pid, "SIGKILL");
} catch {
  // stopped cleanly
}
fs.rmSync(dataDir, { recursive: true, force: true });

if (!ok) {
  console.error(`[smoke] FAIL: no healthy answer after ${took} s (exit: ${exited}). Server output:\n${log.slice(-4000)}`);
  process.exit(1);
}
console.log(`[smoke] ok: /api/v1/health answered 200 after ${took} s`);
