// Builds the Next.js app only when .next is missing or was built from other sources. The fingerprint, stamp
// and lock are the same as test/support/server.ts uses, so `npm start`, `npm test` and the e2e server share
// one build instead of rebuilding in turn.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./run.mjs";

const DIST = path.join(root, ".next");
const STAMP = path.join(DIST, "plumb-build-stamp");
const LOCK = path.join(os.tmpdir(), `plumb-next-build-${createHash("sha256").update(root).digest("hex").slice(0, 12)}.lock`);
const NEXT_BIN = path.join(root, "node_modules/next/dist/bin/next");

// What the production bundle is made of (sizes + mtimes: cheap, and any edit or checkout changes them).
const SOURCE_DIRS = ["app", "lib", "components", "inngest", "public", "generated", "bin"];
const SOURCE_FILES = ["next.config.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "proxy.ts", "middleware.ts", "instrumentation.ts"];
const IGNORED = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$/;

export function sourceFingerprint() {
  const h = createHash("sha256");
  const visit = (rel) => {
    let st;
    try {
      st = fs.statSync(path.join(root, rel));
    } catch {
      return;
    }
    if (IGNORED.test(rel)) return;
    if (st.isDirectory()) for (const name of fs.readdirSync(path.join(root, rel)).sort()) visit(path.join(rel, name));
    else h.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
  };
  for (const d of SOURCE_DIRS) visit(d);
  for (const f of SOURCE_FILES) visit(f);
  return h.digest("hex");
}

export function buildIsCurrent(fingerprint = sourceFingerprint()) {
  return fs.existsSync(path.join(DIST, "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === fingerprint;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

async function withBuildLock(fn) {
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: "wx" });
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(LOCK, "utf8").trim() || "0");
      if (holder && !alive(holder)) fs.rmSync(LOCK, { force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

function nextBuild(extraArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build", ...extraArgs], {
      cwd: root,
      stdio: "inherit",
      // Type errors are `npm run typecheck`'s job; skipping them here keeps a first start short.
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PLUMB_BUILD_SKIP_TYPECHECK: process.env.PLUMB_BUILD_SKIP_TYPECHECK ?? "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
}

/** Builds unless current (or always with force). Returns true when it built. */
export async function ensureNextBuild({ force = false, extraArgs = [] } = {}) {
  if (!force && buildIsCurrent()) return false;
  return withBuildLock(async () => {
    // Taken before building: an edit made during the build makes the next start rebuild.
    const fingerprint = sourceFingerprint();
    if (!force && buildIsCurrent(fingerprint)) return false;
    await nextBuild(extraArgs);
    fs.writeFileSync(STAMP, fingerprint);
    return true;
  });
}
