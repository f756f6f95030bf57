#!/usr/bin/env node
// npm start: generate the Prisma client and build the app when needed, then serve it with `next start` on
// $PORT (default 3000). Migrations, the demo seed and the job engine run inside the server process at boot
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

if (ensureClient({ quiet: true })) console.log(`[plumb] Prisma client generated (${seconds(t0)})`);
try {
  const t = performance.now();
  console.log("[plumb] checking the build…");
  if (await ensureNextBuild()) console.log(`[plumb] app built (${seconds(t)})`);
} catch (err) {
  console.error(`[plumb] ${err.message}`);
  process.exit(1);
}

const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
    // next-auth builds its callback URLs from this; default to where we listen.
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  },
});
// Ctrl-C reaches the whole process group; a plain `kill` of this pid must stop the server too.
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1)));
