#!/usr/bin/env node
// Generates the Prisma client into generated/prisma when it is missing or was generated from another
// schema/Prisma version. generated/ is not committed, and npm here runs no dependency install scripts (so
// @prisma/client never generates itself): `postinstall`, `npm start`, `npm test` and `npm run build` call this.
// `--force` (npm run db:generate) regenerates unconditionally.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(path.join(root, "package.json"));
const SCHEMA = path.join(root, "prisma/schema.prisma");
const OUT = path.join(root, "generated/prisma");
const STAMP = path.join(OUT, ".inputs-sha256");

function inputsHash() {
  const h = createHash("sha256").update(fs.readFileSync(SCHEMA));
  for (const pkg of ["prisma", "@prisma/client"]) h.update(`${pkg}@${require(`${pkg}/package.json`).version}`);
  return h.digest("hex");
}

export function clientIsFresh() {
  return fs.existsSync(path.join(OUT, "client.ts")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8").trim() === inputsHash();
}

export function generateClient({ quiet = false } = {}) {
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
  const res = spawnSync(process.execPath, [cli, "generate"], {
    cwd: root,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: {
      ...process.env,
      // Any existing file will do: generate never runs the schema engine, but without this Prisma tries to
      // download the native engine first, which fails offline.
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (res.status !== 0) throw new Error(`prisma generate failed (exit ${res.status ?? res.signal})`);
  fs.writeFileSync(STAMP, inputsHash() + "\n");
}

/** Generates when needed; returns whether it did. */
export function ensureClient({ force = false, quiet = false } = {}) {
  if (!force && clientIsFresh()) return false;
  generateClient({ quiet });
  return true;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const force = process.argv.includes("--force");
    const did = ensureClient({ force });
    if (!did && !process.argv.includes("--quiet")) console.log("Prisma client is up to date (generated/prisma).");
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
