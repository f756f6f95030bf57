// Prisma's schema engine compiled to WebAssembly, driven through PGlite. It lets us author and check migrations
// with no network and no native binary (the Prisma CLI would download one) and no database server: PGlite in
// memory is the "shadow database" the engine replays the committed migrations into before diffing.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export const SCHEMA_PATH = "prisma/schema.prisma";
export const MIGRATIONS_DIR = "prisma/migrations";

let wasmReady = false;
// The package's entry does `import * as wasm from "./x.wasm"`, which Node 20 cannot load (no ESM wasm
// imports): instantiate the module ourselves and hand it to the generated bindings.
function loadWasm(): void {
  if (wasmReady) return;
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  wasmReady = true;
}

// pglite-prisma-adapter 0.7.2's executeScript() does not await PGlite's exec(): a failing migration would
// count as applied and its error would surface later, or never. Run scripts on the instance ourselves.
function awaitingScripts(adapter: SqlDriverAdapter, db: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script) => {
    await db.exec(script);
  };
  return adapter;
}

/** An adapter factory over a throwaway in-memory PGlite, with a fresh in-memory shadow database per request. */
function inMemoryFactory(): { factory: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> } {
  const main = new PGlite();
  const shadows: PGlite[] = [];
  const inner = new PrismaPGlite(main);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => awaitingScripts(await inner.connect(), main),
    connectToShadowDb: async () => {
      const shadow = new PGlite();
      shadows.push(shadow);
      return awaitingScripts(await new PrismaPGlite(shadow).connect(), shadow);
    },
  };
  return { factory, close: async () => void (await Promise.all([main, ...shadows].map((d) => d.close().catch(() => undefined)))) };
}

/** Runs `fn` with a schema engine that knows `schema.prisma`; frees the engine and its databases after. */
export async function withSchemaEngine<T>(schema: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  loadWasm();
  const { factory, close } = inMemoryFactory();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine;
  try {
    engine = await bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => undefined, bound);
  } catch (err) {
    await close();
    // The engine reports adapter failures by id; the registry holds the original error.
    throw (typeof err === "number" && bound.errorRegistry.consumeError(err)?.error) || err;
  }
  try {
    return await fn(engine);
  } catch (err) {
    throw withAdapterCause(err, bound.errorRegistry);
  } finally {
    engine.free();
    await close();
  }
}

// The engine only says "External error id#N" when a query fails (e.g. a broken migration replayed into the
// shadow database); the adapter's registry has the PostgreSQL error behind that id.
function withAdapterCause(err: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): unknown {
  const message = err instanceof Error ? err.message : String(err);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const cause = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (!cause) return err;
  return new Error(`${message.split("\n")[0]}\nCaused by: ${cause instanceof Error ? cause.message : JSON.stringify(cause)}`, { cause });
}

/** The committed migrations in the shape the engine reads them (sorted by directory name, like Prisma). */
export function readMigrationList(dir = MIGRATIONS_DIR): MigrationList {
  const abs = path.resolve(dir);
  const lock = path.join(abs, "migration_lock.toml");
  const names = fs.existsSync(abs)
    ? fs.readdirSync(abs, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: abs,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lock) ? fs.readFileSync(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(abs, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file) ? { tag: "ok", value: fs.readFileSync(file, "utf8") } : { tag: "error", value: "migration.sql not found" },
        },
      };
    }),
  };
}

/**
 * SQL that would bring a database built from the committed migrations up to schema.prisma: empty when they
 * agree. Equivalent to `prisma migrate diff --from-migrations … --to-schema … --script`.
 */
export async function diffMigrationsToSchema(opts: { schemaPath?: string; migrationsDir?: string } = {}): Promise<string> {
  const schemaPath = opts.schemaPath ?? SCHEMA_PATH;
  const schema = fs.readFileSync(schemaPath, "utf8");
  return withSchemaEngine(schema, async (engine) => {
    const out = await engine.diff({
      from: { tag: "migrations", ...readMigrationList(opts.migrationsDir) },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    // exitCode 2 = "there is a difference"; an empty diff still prints a comment line.
    return out.exitCode === 2 ? (out.stdout ?? "") : "";
  });
}
