// An empty, UNmigrated database of the engine under test (test/support/db.ts gives migrated ones).
import { randomBytes } from "node:crypto";
import type { SqlRunner } from "@/lib/db";
import { testEngine } from "@/test/support/db";

export interface EmptyDatabase {
  /** A runner on one session (the applier needs its advisory lock and BEGIN/COMMIT on the same connection). */
  session(): Promise<SqlRunner & { release(): Promise<void> }>;
  /** PostgreSQL only: a URL for openDatabase(). */
  url?: string;
  close(): Promise<void>;
}

export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  if (testEngine() === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = await PGlite.create();
    return {
      session: async () => ({
        exec: async (s) => void (await pg.exec(s)),
        query: async <T>(s: string, p?: unknown[]) => (await pg.query<T>(s, p)).rows,
        release: async () => undefined,
      }),
      close: () => pg.close(),
    };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("PLUMB_TEST_DB=postgres needs DATABASE_URL");
  const pg = (await import("pg")).default;
  const name = `plumb_mig_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 5 });
  return {
    url: url.toString(),
    session: async () => {
      const client = await pool.connect();
      return {
        exec: async (s) => void (await client.query(s)),
        query: async <T>(s: string, p?: unknown[]) => (await client.query(s, p)).rows as T[],
        release: async () => client.release(),
      };
    },
    close: async () => {
      await pool.end();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
