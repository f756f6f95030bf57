#!/usr/bin/env node
// npm run build: the Prisma client must exist before Next.js compiles code that imports it.
import { ensureClient } from "./db/ensure-client.mjs";
import { bin, run } from "./run.mjs";

ensureClient();
process.exit(await run(bin("next"), ["build", ...process.argv.slice(2)]));
