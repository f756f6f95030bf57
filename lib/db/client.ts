import path from "node:path";
import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { applyMigrations, type SqlRunner } from "./migrate";

export type Prisma = PrismaClient;

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Set in embedded mode: the single PGlite instance everything (Prisma, pg-boss) shares. */
  pglite?: PGlite;
  /** Set on PostgreSQL: the pool Prisma's adapter uses, shared by pg-boss. */
  pool?: Pool;
  sql: SqlRunner;
  close(): Promise<void>;
}

export function dataDir(): string {
  return path.resolve(process.env.PLUMB_DATA_DIR ?? ".plumb");
}

async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  fs.mkdirSync(dir, { recursive: true });
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(path.join(dir, "pgdata"));
  } catch (err) {
    throw new Error(
      `Cannot open the embedded database in ${dir}: ${(err as Error).message}. ` +
        `Is another Plumb process (server or CLI) using it? Stop it, or set DATABASE_URL to use PostgreSQL.`,
    );
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const sql: SqlRunner = {
    exec: async (s) => {
      await pglite.exec(s);
    },
    query: async <T>(s: string, params?: unknown[]) => (await pglite.query<T>(s, params as unknown[])).rows,
  };
  return {
    kind: "pglite",
    prisma,
    pglite,
    sql,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pg = (await import("pg")).default;
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PLUMB_DB_POOL_MAX ?? 10) });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlRunner = {
    exec: async (s) => {
      await pool.query(s);
    },
    query: async <T>(s: string, params?: unknown[]) => (await pool.query(s, params)).rows as T[],
  };
  return {
    kind: "postgres",
    prisma,
    pool,
    sql,
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else embedded PGlite) and migrates it. */
export async function openDatabase(opts: { url?: string; dir?: string; migrate?: boolean } = {}): Promise<Database> {
  const url = opts.url ?? process.env.DATABASE_URL;
  const db = url ? await openPostgres(url) : await openPglite(opts.dir ?? dataDir());
  if (opts.migrate !== false) {
    // Runs over the same single connection on PGlite; SqlRunner above uses the Pool on PostgreSQL.
    await applyMigrations(db.sql);
  }
  return db;
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

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** For tests and CLI commands that open their own database: make it the process-wide one. */
export function setDatabase(db: Database | undefined): void {
  globalForDb.__plumbDb = db ? Promise.resolve(db) : undefined;
}
