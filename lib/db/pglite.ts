import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/generated/prisma/client";
import { acquireDataDirLock } from "./data-dir-lock";
import { applyMigrations, type SqlRunner } from "./migrate";
import { restrictUmask, securePrivateDir } from "./private-dir";
import { applyDataMigrations } from "./data-migrations";
import type { Database } from "./database";

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    exec: async (s) => {
      await pglite.exec(s);
    },
    query: async <T>(s: string, params?: unknown[]) => (await pglite.query<T>(s, params)).rows,
  };
}

/** Opens (creating on first use) the embedded database in `dir`, holding the directory's lock until close(). */
export async function openPglite(dir: string, opts: { migrate: boolean; role: string }): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  restrictUmask();
  securePrivateDir(dir);
  const lock = acquireDataDirLock(dir, opts.role);
  let pglite: PGlite | undefined;
  try {
    // pg_trgm backs the findings text search indexes (the migration creates them only where it is available).
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    pglite = await PGlite.create(path.join(dir, "pgdata"), { extensions: { pg_trgm } });
    const sql = pgliteRunner(pglite);
    // One connection: the applier's session lock and transactions are naturally on the same session.
    if (opts.migrate) await applyMigrations(sql);
    // PGlite's file system layer chmods what it creates to 0666 (the umask does not apply to chmod): tighten
    // again now that the cluster exists, and at close.
    securePrivateDir(dir);
    // …and now and then while it runs, for files PostgreSQL rewrites later (pg_internal.init, new segments).
    const tighten = setInterval(() => {
      try {
        securePrivateDir(dir);
      } catch {
        // a file vanished mid-walk; the next round gets it
      }
    }, 60_000);
    tighten.unref();
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    if (opts.migrate) await applyDataMigrations(prisma);
    const db = pglite;
    return {
      kind: "pglite",
      prisma,
      pglite,
      sql,
      close: async () => {
        clearInterval(tighten);
        try {
          await prisma.$disconnect();
          await db.close();
          securePrivateDir(dir);
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    await pglite?.close().catch(() => undefined);
    lock.release();
    throw new Error(`Cannot open the embedded database in ${dir}: ${(err as Error).message}`, { cause: err });
  }
}
