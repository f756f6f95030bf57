#!/usr/bin/env node
// npm test: vitest (units + integration against PGlite, or PostgreSQL with PLUMB_TEST_DB=postgres and
// DATABASE_URL), then the Playwright e2e suite when it exists. Both run even if the first fails, so one
// run reports everything. Extra arguments go to vitest (`npm test -- test/db`).
import fs from "node:fs";
import path from "node:path";
import { ensureClient } from "./db/ensure-client.mjs";
import { bin, root, run, seconds } from "./run.mjs";

ensureClient();
const results = [];

const args = process.argv.slice(2);
let t = performance.now();
if (args.length) {
  results.push(["vitest", await run(bin("vitest"), ["run", ...args]), seconds(t)]);
} else {
  // Two groups (vitest.config.ts): the scanner's timing-sensitive suites one at a time, then the rest two at a time.
  // The PostgreSQL pass (PLUMB_TEST_DB=postgres) has no scanner group: those suites never touch the database.
  for (const group of process.env.PLUMB_TEST_DB === "postgres" ? ["database"] : ["scanner", "database"]) {
    t = performance.now();
    results.push([`vitest (${group})`, await run(bin("vitest"), ["run"], { env: { ...process.env, PLUMB_TEST_GROUP: group } }), seconds(t)]);
    // CI starts its PostgreSQL pass once the scanner suites, which judge page-load speed, are over: it waits for this file.
    if (group === "scanner" && process.env.PLUMB_TEST_SCANNER_DONE_FILE) fs.writeFileSync(process.env.PLUMB_TEST_SCANNER_DONE_FILE, "done\n");
  }
}
if (process.env.PLUMB_TEST_SCANNER_DONE_FILE && !fs.existsSync(process.env.PLUMB_TEST_SCANNER_DONE_FILE)) fs.writeFileSync(process.env.PLUMB_TEST_SCANNER_DONE_FILE, "done\n");

if (fs.existsSync(path.join(root, "playwright.config.ts"))) {
  t = performance.now();
  results.push(["playwright", await run(bin("playwright"), ["test"]), seconds(t)]);
} else {
  console.log("playwright.config.ts not found: skipping the e2e suite.");
}

for (const [name, code, took] of results) console.log(`${code === 0 ? "PASS" : "FAIL"}  ${name} (${took})`);
process.exit(results.some(([, code]) => code !== 0) ? 1 : 0);
