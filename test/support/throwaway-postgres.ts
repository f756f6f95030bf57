// A fresh database on the PostgreSQL server of DATABASE_URL (PLUMB_TEST_DB=postgres), so that tests, CLI
// children and test servers never share state. The server itself is the throwaway cluster of scripts/pg-up.sh.
import { randomBytes } from "node:crypto";

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createThrowawayPostgres(prefix: string): Promise<ThrowawayDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("PLUMB_TEST_DB=postgres needs DATABASE_URL");
  const pg = (await import("pg")).default;
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      // FORCE: a server child that was killed may still hold connections.
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await a.end();
    },
  };
}
