// The server Playwright's webServer runs (see playwright.config.ts): builds the app only when no build of the
// current sources exists (test/support/server.ts: shared build lock and per-fingerprint build snapshots), then
// `next start` on $PORT from a private copy of that build with a fresh, throwaway data directory (embedded
// PGlite, migrated at boot). Both are removed on exit. The private copy matters: integration-test runs prune
// old snapshots, and a server whose static chunks vanish mid-run answers 500 for them.
//
//   PORT=4123 node --import tsx scripts/e2e-server.ts
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "../test/support/server";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const port = process.env.PORT ?? "3000";
const host = "127.0.0.1";

const started = performance.now();
// Copies left behind by a server that was killed outright.
const E2E_DIST_ROOT = path.join(ROOT, ".next-e2e");
for (const name of fs.existsSync(E2E_DIST_ROOT) ? fs.readdirSync(E2E_DIST_ROOT) : []) {
  const pid = Number(name.split("-")[0]);
  if (pid && !isAlive(pid)) fs.rmSync(path.join(E2E_DIST_ROOT, name), { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

const snapshotDir = await ensureBuild();
const distDir = path.join(".next-e2e", `${process.pid}-${Date.now().toString(36)}`);
fs.cpSync(path.join(ROOT, snapshotDir), path.join(ROOT, distDir), { recursive: true });
console.log(`[e2e-server] build ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-e2e-"));
const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", port, "-H", host], {
  cwd: ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PLUMB_DATA_DIR: dataDir,
    // A clean embedded database: no outer DATABASE_URL, no demo organization (the specs sign up from scratch).
    DATABASE_URL: "",
    PLUMB_DEMO_SEED: "0",
    NEXTAUTH_URL: `http://${host}:${port}`,
    PLUMB_NEXT_DIST_DIR: distDir,
  },
});

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill(signal);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

child.on("exit", (code, signal) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
