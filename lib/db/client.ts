import { env } from "@/lib/env";
import type { Database } from "./database";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";

export type { Database, Prisma } from "./database";

export function dataDir(): string {
  return env().dataDir;
}

export interface OpenOptions {
  /** PostgreSQL URL; defaults to DATABASE_URL. */
  url?: string;
  /** Embedded data directory; defaults to PLUMB_DATA_DIR. */
  dir?: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Who holds the embedded database, shown to a second process that tries to open it. */
  role?: string;
}

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else embedded PGlite) and migrates it. */
export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const e = env();
  const url = opts.url ?? (opts.dir ? undefined : e.DATABASE_URL);
  const migrate = opts.migrate !== false;
  if (url) return openPostgres(url, { migrate, poolMax: e.PLUMB_DB_POOL_MAX });
  return openPglite(opts.dir ?? e.dataDir, { migrate, role: opts.role ?? defaultRole() });
}

function defaultRole(): string {
  if (process.env.NEXT_RUNTIME) return "plumb server";
  return process.argv.slice(1, 3).map((a) => a.split("/").pop()).join(" ") || "node";
}

const globalForDb = globalThis as unknown as { __plumbDb?: Promise<Database> };

/** Process-wide database, opened and migrated once (survives Next.js dev reloads). */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.__plumbDb) {
    globalForDb.__plumbDb = openDatabase().catch((err) => {
      globalForDb.__plumbDb = undefined;
      throw err;
    });
  }
  return globalForDb.__plumbDb;
}

export async function getPrisma(): Promise<Database["prisma"]> {
  return (await getDatabase()).prisma;
}

/** For tests and CLI commands that open their own database: make it the process-wide one. */
export function setDatabase(db: Database | undefined): void {
  globalForDb.__plumbDb = db ? Promise.resolve(db) : undefined;
}

/** Closes the process-wide database (releasing the embedded lock) if it was opened. */
export async function closeDatabase(): Promise<void> {
  const pending = globalForDb.__plumbDb;
  globalForDb.__plumbDb = undefined;
  if (pending) await (await pending).close();
}
