#!/usr/bin/env node
// The `plumb` command. The CLI is TypeScript sharing lib/ with the app; tsx compiles it on the fly (no build
// step for the CLI), using the package's own tsconfig for the "@/" import alias.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Same database as `npm start` (which runs in the package root) wherever the command is run from.
process.env.PLUMB_DATA_DIR ??= path.join(root, ".plumb");
process.env.PLUMB_MIGRATIONS_DIR ??= path.join(root, "prisma", "migrations");

register({ tsconfig: path.join(root, "tsconfig.json") });
const { main } = await import(pathToFileURL(path.join(root, "lib/cli/main.ts")).href);
process.exitCode = await main(process.argv.slice(2));
