#!/usr/bin/env node
// npm start: generate the Prisma client and build the app when needed, then serve it on $PORT (default 3000)
// and $HOST with scripts/serve.mjs (Next.js' production server plus the client's socket address, for sign-in
// limits). Migrations, the demo seed and the job engine run inside the server process at boot
// (instrumentation.ts -> lib/boot.ts): the embedded database can only be open in one process.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureClient } from "./db/ensure-client.mjs";
import { ensureNextBuild } from "./next-build.mjs";
import { root, seconds } from "./run.mjs";

const t0 = performance.now();
const port = process.env.PORT || "3000";
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`PORT must be a TCP port number, got "${port}".`);
  process.exit(1);
}

// Embedded mode is a one-machine install: listen on loopback only unless told otherwise. With DATABASE_URL
// (production, usually behind a load balancer or in a container) listen on every interface. HOST wins.
const embedded = !process.env.DATABASE_URL;
const host = process.env.HOST || (embedded ? "127.0.0.1" : "0.0.0.0");

if (ensureClient({ quiet: true })) console.log(`[plumb] Prisma client generated (${seconds(t0)})`);
try {
  const t = performance.now();
  console.log("[plumb] checking the build…");
  if (await ensureNextBuild()) console.log(`[plumb] app built (${seconds(t)})`);
} catch (err) {
  console.error(`[plumb] ${err.message}`);
  process.exit(1);
}

const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "--port", port, "--hostname", host], {
  cwd: root,
  // stdout through us: Next's own "Ready in …" comes before the app can answer (boot runs on the first
  // request's instrumentation); we print one ready line when /api/v1/health really answers.
  stdio: ["inherit", "pipe", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
    HOST: host,
    // next-auth builds its callback URLs from this; default to where we listen.
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  },
});
// Ctrl-C reaches the whole process group; a plain `kill` of this pid must stop the server too.
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1)));

let pending = "";
child.stdout.on("data", (chunk) => {
  pending += chunk.toString("utf8");
  const lines = pending.split("\n");
  pending = lines.pop() ?? "";
  for (const line of lines) if (!/^\s*(✓?\s*Ready in\b|\[plumb\] listening on\b)/.test(line)) process.stdout.write(`${line}\n`);
});

async function announceWhenReady() {
  const url = process.env.NEXTAUTH_URL || `http://localhost:${port}`;
  for (;;) {
    if (child.exitCode !== null) return;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(30_000) });
      if (res.ok) {
        console.log(`[plumb] ready: ${url} (${seconds(t0)} after npm start)`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
void announceWhenReady();
