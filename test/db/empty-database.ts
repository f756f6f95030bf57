// An empty, UNmigrated database of the engine under test (test/support/db.ts gives migrated ones).
import type { SqlRunner } from "@/lib/db";
import { testEngine } from "@/test/support/db";
import { createThrowawayPostgres } from "@/test/support/throwaway-postgres";

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
  const pg = (await import("pg")).default;
  const throwaway = await createThrowawayPostgres("plumb_mig");
  const pool = new pg.Pool({ connectionString: throwaway.url, max: 5 });
  return {
    url: throwaway.url,
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
      await throwaway.drop();
    },
  };
}
