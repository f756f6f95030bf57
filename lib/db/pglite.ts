import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/generated/prisma/client";
import { acquireDataDirLock } from "./data-dir-lock";
import { applyMigrations, type SqlRunner } from "./migrate";
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
  fs.mkdirSync(dir, { recursive: true });
  const lock = acquireDataDirLock(dir, opts.role);
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create(path.join(dir, "pgdata"));
    const sql = pgliteRunner(pglite);
    // One connection: the applier's session lock and transactions are naturally on the same session.
    if (opts.migrate) await applyMigrations(sql);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    const db = pglite;
    return {
      kind: "pglite",
      prisma,
      pglite,
      sql,
      close: async () => {
        try {
          await prisma.$disconnect();
          await db.close();
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
