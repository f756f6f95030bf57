import type { Pool, PoolClient } from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { applyMigrations, type SqlRunner } from "./migrate";
import { applyDataMigrations } from "./data-migrations";
import type { Database } from "./database";
import { closeSignals } from "./signals";

function runner(conn: Pool | PoolClient): SqlRunner {
  return {
    exec: async (s) => {
      await conn.query(s);
    },
    query: async <T>(s: string, params?: unknown[]) => (await conn.query(s, params)).rows as T[],
  };
}

export async function openPostgres(url: string, opts: { migrate: boolean; poolMax: number }): Promise<Database> {
  const pg = (await import("pg")).default;
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = new pg.Pool({ connectionString: url, max: opts.poolMax });
  // An idle pooled connection that dies (server restart, admin kill) emits 'error' on the pool; unhandled, it
  // would crash the whole process. The pool drops that connection and the next query opens a new one.
  pool.on("error", (err) => console.error(`[db] idle PostgreSQL connection lost: ${err.message}`));
  try {
    if (opts.migrate) {
      // The applier's advisory lock and BEGIN/COMMIT are per session: run it on one dedicated connection,
      // never on the pool (where each statement may land on a different connection).
      const client = await pool.connect();
      try {
        await applyMigrations(runner(client));
      } finally {
        client.release();
      }
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  if (opts.migrate) {
    try {
      await applyDataMigrations(prisma);
    } catch (err) {
      await prisma.$disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
      throw err;
    }
  }
  const database: Database = {
    kind: "postgres",
    prisma,
    pool,
    sql: runner(pool),
    close: async () => {
      await closeSignals(database);
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
  return database;
}
