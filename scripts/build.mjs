#!/usr/bin/env node
// npm run build: the Prisma client must exist before Next.js compiles code that imports it. Always builds
// (use `npm start` to build only when needed) and records the build stamp so the next start reuses it.
import { ensureClient } from "./db/ensure-client.mjs";
import { ensureNextBuild } from "./next-build.mjs";

ensureClient();
try {
  await ensureNextBuild({ force: true, extraArgs: process.argv.slice(2) });
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
