// Fresh, migrated databases for tests. Engine chosen by PLUMB_TEST_DB=pglite|postgres (default pglite);
// postgres needs DATABASE_URL (a server where we may CREATE DATABASE).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createThrowawayPostgres } from "./throwaway-postgres";
import { applyMigrations, openDatabase, readMigrationFiles, type Database } from "@/lib/db";
import { createHash } from "node:crypto";

export type TestEngine = "pglite" | "postgres";

export function testEngine(): TestEngine {
  return process.env.PLUMB_TEST_DB === "postgres" ? "postgres" : "pglite";
}

function migrationsHash(): string {
  const h = createHash("sha256");
  for (const m of readMigrationFiles()) h.update(m.name).update(m.checksum);
  return h.digest("hex").slice(0, 16);
}

// A migrated PGlite data dir dumped once per migration set; opening from a dump is far faster than initdb+migrate.
async function pgliteTemplate(): Promise<string> {
  const file = path.join(os.tmpdir(), `plumb-pglite-template-${migrationsHash()}.tar.gz`);
  if (fs.existsSync(file)) return file;
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const pg = await PGlite.create({ extensions: { pg_trgm } });
  await applyMigrations({
    exec: async (s) => void (await pg.exec(s)),
    query: async <T>(s: string, p?: unknown[]) => (await pg.query<T>(s, p as unknown[])).rows,
  });
  const dump = await pg.dumpDataDir("gzip");
  await pg.close();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
  return file;
}

async function openPgliteFromTemplate(): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const { PrismaClient } = await import("@/generated/prisma/client");
  const blob = new Blob([fs.readFileSync(await pgliteTemplate())]);
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const pglite = await PGlite.create({ loadDataDir: blob, extensions: { pg_trgm } });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    prisma,
    pglite,
    sql: {
      exec: async (s) => void (await pglite.exec(s)),
      query: async <T>(s: string, p?: unknown[]) => (await pglite.query<T>(s, p as unknown[])).rows,
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** A new, empty, migrated database. On PostgreSQL a fresh database is created on DATABASE_URL's server. */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine() === "pglite") return openPgliteFromTemplate();
  const throwaway = await createThrowawayPostgres("plumb_test");
  const db = await openDatabase({ url: throwaway.url });
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      await throwaway.drop();
    },
  };
}
