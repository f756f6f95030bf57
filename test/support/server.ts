// The real Plumb server for integration tests: `next build` (once, when the build is missing or older than
// the sources), then `next start` on a free port with its own fresh database. Tests speak HTTP to it.
//
//   const server = await startServer({ seed: async (db) => ({ a: await seedOrg(db, { scopes: "all" }) }) });
//   await fetch(`${server.baseUrl}/api/v1/domains`, { headers: { Authorization: `Bearer ${server.seeded.a.apiKey}` } });
//   await server.stop();
//
// `seed` runs against the server's database BEFORE the server starts (embedded PGlite allows one process at a
// time, so: open, seed, close, start). PLUMB_TEST_DB=postgres (with DATABASE_URL) gives each server a fresh
// database on that PostgreSQL server instead. Start one server per test file and seed several organizations.
//
// Builds are serialised across processes by a lock file. Each server runs from a snapshot of the build
// (.next-test/<fingerprint>, via PLUMB_NEXT_DIST_DIR in next.config.ts), so a rebuild of .next — by another
// test file after an edit, or by anybody in this shared checkout — never pulls the files from under a
// running server.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Prisma } from "@/lib/db";
import { createThrowawayPostgres } from "./throwaway-postgres";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
// The production server `npm start` runs (Next.js plus the socket address header, see scripts/serve.mjs).
const SERVE = path.join(ROOT, "scripts", "serve.mjs");
const DIST = path.join(ROOT, ".next");
const STAMP = path.join(DIST, "plumb-build-stamp");
const SNAPSHOTS = path.join(ROOT, ".next-test");
// Not copied into snapshots: the compiler cache (large) and generated .ts types (tsc would see them twice).
const NOT_SNAPSHOTTED = new Set(["cache", "types", "dev", "trace", "diagnostics", "lock"]);
const KEEP_SNAPSHOTS = 3;
const LOCK = path.join(os.tmpdir(), `plumb-next-build-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.lock`);

// What the production bundle is made of. Tests and e2e specs are not part of it.
const SOURCE_DIRS = ["app", "lib", "components", "inngest", "public", "generated", "bin"];
const SOURCE_FILES = ["next.config.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "proxy.ts", "middleware.ts", "instrumentation.ts"];
const IGNORED = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$/;

function sourceFingerprint(): string {
  const h = createHash("sha256");
  const visit = (rel: string) => {
    const full = path.join(ROOT, rel);
    let st: fs.Stats;
    try {
      st = fs.statSync(full);
    } catch {
      return;
    }
    if (IGNORED.test(rel)) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(rel, name));
    } else {
      h.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  for (const d of SOURCE_DIRS) visit(d);
  for (const f of SOURCE_FILES) visit(f);
  return h.digest("hex");
}

function buildIsCurrent(fingerprint: string): boolean {
  return fs.existsSync(path.join(DIST, "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === fingerprint;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      const fd = fs.openSync(LOCK, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(LOCK, "utf8").trim() || "0");
      // A lock left by a killed process would block every later run.
      if (holder && !pidAlive(holder)) fs.rmSync(LOCK, { force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, "w");
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", out, out] });
    child.on("error", reject);
    child.on("exit", (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1).join(" ")} failed (${code}):\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`));
    });
  });
}

function snapshotDir(fingerprint: string): string {
  return path.join(SNAPSHOTS, fingerprint.slice(0, 16));
}

function snapshot(fingerprint: string): void {
  const dest = snapshotDir(fingerprint);
  const tmp = `${dest}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.cpSync(DIST, tmp, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(DIST, src);
      return rel === "" || !NOT_SNAPSHOTTED.has(rel.split(path.sep)[0]);
    },
  });
  fs.rmSync(dest, { recursive: true, force: true });
  fs.renameSync(tmp, dest);
  // Old snapshots: keep a few (servers of other test files may still run from them).
  const old = fs
    .readdirSync(SNAPSHOTS)
    .map((name) => path.join(SNAPSHOTS, name))
    .filter((p) => p !== dest)
    .sort((x, y) => fs.statSync(y).mtimeMs - fs.statSync(x).mtimeMs)
    .slice(KEEP_SNAPSHOTS - 1);
  for (const p of old) fs.rmSync(p, { recursive: true, force: true });
}

/**
 * Builds the app unless a build of the current sources exists, and returns its snapshot directory (relative
 * to the repository, for PLUMB_NEXT_DIST_DIR).
 */
export async function ensureBuild(): Promise<string> {
  const current = sourceFingerprint();
  if (fs.existsSync(path.join(snapshotDir(current), "BUILD_ID"))) return path.relative(ROOT, snapshotDir(current));
  return withBuildLock(async () => {
    // Fingerprint taken before building: an edit made during the build makes the next run rebuild.
    const fingerprint = sourceFingerprint();
    const dir = snapshotDir(fingerprint);
    if (!fs.existsSync(path.join(dir, "BUILD_ID"))) {
      if (!buildIsCurrent(fingerprint)) {
        const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PLUMB_BUILD_SKIP_TYPECHECK: "1" };
        delete env.PLUMB_NEXT_DIST_DIR;
        await run(process.execPath, [NEXT_BIN, "build"], env, path.join(os.tmpdir(), `plumb-next-build-${process.pid}.log`));
        fs.writeFileSync(STAMP, fingerprint);
      }
      fs.mkdirSync(SNAPSHOTS, { recursive: true });
      snapshot(fingerprint);
    }
    return path.relative(ROOT, dir);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface TestDatabaseTarget {
  env: Record<string, string>;
  open(): Promise<{ prisma: Prisma; close(): Promise<void> }>;
  dispose(): Promise<void>;
}

async function databaseTarget(dataDir: string): Promise<TestDatabaseTarget> {
  if (process.env.PLUMB_TEST_DB !== "postgres") {
    return {
      // "" counts as unset for lib/env and lib/db, so a DATABASE_URL in the outer environment cannot leak in.
      env: { DATABASE_URL: "" },
      open: () => openDatabase({ dir: dataDir, url: "" }),
      dispose: async () => undefined,
    };
  }
  const throwaway = await createThrowawayPostgres("plumb_srv");
  const url = throwaway.url;
  return {
    // With DATABASE_URL set the app wants real secrets (production mode): give each server throwaway ones.
    // The test process's own secrets when it has them (test/support/test-secrets.ts), so rows it encrypts while
    // seeding (mail bodies) decrypt in the server.
    env: {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(32).toString("base64"),
      PLUMB_ENCRYPTION_KEY: process.env.PLUMB_ENCRYPTION_KEY || randomBytes(32).toString("hex"),
    },
    open: () => openDatabase({ url }),
    dispose: throwaway.drop,
  };
}

export interface TestServer<T> {
  baseUrl: string;
  port: number;
  dataDir: string;
  seeded: T;
  /** Server output so far (for failure messages). */
  logs(): string;
  stop(): Promise<void>;
}

export interface StartServerOptions<T> {
  seed?: (db: Prisma) => Promise<T>;
  /** Extra environment for the server process (wins over the defaults). */
  env?: Record<string, string>;
  /**
   * Origins (fixture sites, `http://127.0.0.1:PORT` or `127.0.0.1:PORT`) the server may reach although they
   * are private: PLUMB_PRIVATE_TARGET_ALLOWLIST. Nothing else private is reachable, so SSRF refusals in tests
   * still mean something. Start fixture sites before the server.
   */
  privateTargets?: string[];
  /** How long to wait for /api/v1/health (default 90 s: the first request opens and migrates the database). */
  readyTimeoutMs?: number;
}

// Runs `next start` and ends it when the test process disappears: vitest kills a worker that times out, and a
// detached server would otherwise outlive it, holding a port and a data directory.
const WATCHDOG = `
const { spawn } = require("node:child_process");
const parent = process.ppid;
const child = spawn(process.execPath, JSON.parse(process.argv[1]), { stdio: "inherit" });
const stop = (sig) => { try { child.kill(sig); } catch {} };
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
const timer = setInterval(() => {
  if (process.ppid !== parent) { stop("SIGTERM"); setTimeout(() => stop("SIGKILL"), 5000).unref(); }
}, 1000);
child.on("exit", (code) => { clearInterval(timer); process.exit(code ?? 1); });
`;

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number, logs: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${logs().slice(-4000)}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(30_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server did not become healthy within ${timeoutMs} ms:\n${logs().slice(-4000)}`);
}

export async function startServer<T = undefined>(opts: StartServerOptions<T> = {}): Promise<TestServer<T>> {
  const distDir = await ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-server-"));
  const target = await databaseTarget(dataDir);

  let seeded = undefined as T;
  const db = await target.open();
  try {
    if (opts.seed) seeded = await opts.seed(db.prisma);
  } finally {
    await db.close();
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["-e", WATCHDOG, JSON.stringify([SERVE, "--port", String(port), "--hostname", "127.0.0.1"])], {
    cwd: ROOT,
    // Own process group, so stop() ends the server and anything it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PLUMB_DATA_DIR: dataDir,
      PLUMB_ALLOW_PRIVATE_TARGETS: "0",
      PLUMB_PRIVATE_TARGET_ALLOWLIST: (opts.privateTargets ?? []).map((o) => (o.includes("://") ? new URL(o).host : o)).join(","),
      PLUMB_DEMO_SEED: "0",
      PLUMB_NEXT_DIST_DIR: distDir,
      NEXTAUTH_URL: baseUrl,
      ...target.env,
      ...opts.env,
    },
  });
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-200_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(killer);
    }
    await target.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, opts.readyTimeoutMs ?? 90_000, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, port, dataDir, seeded, logs: () => output, stop };
}

// ---------- seeding ----------

export interface SeededOrg {
  orgId: string;
  orgSlug: string;
  userId: string;
  email: string;
  password: string;
  /** Raw API key with the requested scopes. */
  apiKey: string;
  apiKeyId: string;
}

/** An organization with an owner (email + password) and one API key with `scopes` ("all" or "a:read,b:write"). */
export async function seedOrg(db: Prisma, opts: { name?: string; scopes?: string | string[] } = {}): Promise<SeededOrg> {
  const suffix = randomBytes(4).toString("hex");
  const email = `owner-${suffix}@example.test`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const { user, organization } = await createUserWithOrg({ email, password, orgName: opts.name ?? `Org ${suffix}` }, db);
  const { apiKey, rawKey } = await createApiKey({ orgId: organization.id, name: "test", scopes: opts.scopes ?? "all", createdById: user.id }, db);
  return { orgId: organization.id, orgSlug: organization.slug, userId: user.id, email, password, apiKey: rawKey, apiKeyId: apiKey.id };
}

/** Another key for an existing organization. */
export async function seedApiKey(db: Prisma, orgId: string, scopes: string | string[], opts: { expiresAt?: Date } = {}): Promise<string> {
  const { rawKey } = await createApiKey({ orgId, name: `test ${scopes}`, scopes, expiresAt: opts.expiresAt }, db);
  return rawKey;
}

/** For `beforeAll(…, SERVER_START_TIMEOUT)`: a build may queue behind others' builds on a busy machine. */
export const SERVER_START_TIMEOUT = 600_000;
