// The server Playwright's webServer runs (see playwright.config.ts): builds the app only when no build of the
// current sources exists (test/support/server.ts: shared build lock and per-fingerprint build snapshots), then
// `next start` on $PORT from a private copy of that build with a fresh, throwaway database: embedded PGlite in
// a temp data directory, or with PLUMB_TEST_DB=postgres a new database on the DATABASE_URL server (migrated at
// boot either way). Everything is removed on exit. The private copy matters: integration-test runs prune
// old snapshots, and a server whose static chunks vanish mid-run answers 500 for them.
//
//   PORT=4123 node --import tsx scripts/e2e-server.ts
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "../test/support/server";
import { createThrowawayPostgres } from "../test/support/throwaway-postgres";

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVE = path.join(ROOT, "scripts", "serve.mjs");
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

interface E2eDatabase {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

async function freshDatabase(): Promise<E2eDatabase> {
  // "" counts as unset for lib/env and lib/db, so an outer DATABASE_URL cannot leak into the PGlite run.
  if (process.env.PLUMB_TEST_DB !== "postgres") return { env: { DATABASE_URL: "" }, dispose: async () => undefined };
  const throwaway = await createThrowawayPostgres("plumb_e2e");
  return {
    // With DATABASE_URL the app runs in production mode, where secrets are required rather than generated.
    env: {
      DATABASE_URL: throwaway.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      PLUMB_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    },
    dispose: throwaway.drop,
  };
}

const database = await freshDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-e2e-"));
const child = spawn(process.execPath, [SERVE, "--port", port, "--hostname", host], {
  cwd: ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PLUMB_DATA_DIR: dataDir,
    // No demo organization: the specs sign up from scratch.
    PLUMB_DEMO_SEED: "0",
    // Every spec signs up from 127.0.0.1: the per-address sign-up limit is tested in vitest instead.
    PLUMB_SIGN_UP_LIMIT_PER_HOUR: "100000",
    NEXTAUTH_URL: `http://${host}:${port}`,
    PLUMB_NEXT_DIST_DIR: distDir,
    ...database.env,
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

child.on("exit", async (code, signal) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  await database.dispose().catch((err) => console.error(`[e2e-server] could not drop the test database: ${err}`));
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
