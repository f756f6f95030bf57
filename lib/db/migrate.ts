import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Minimal SQL runner both engines provide: PGlite's `exec` and node-postgres' simple-protocol `query`. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

// The migrations are read at run time from the checkout (`next start` runs in the repository root). The
// turbopackIgnore hints stop Next.js from tracing "any file under cwd" into the server bundle because of it.
export function migrationsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PLUMB_MIGRATIONS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations"));
}

export function readMigrationFiles(dir = migrationsDir()): MigrationFile[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(/*turbopackIgnore: true*/ dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Same table `prisma migrate deploy` keeps, so production can switch to the Prisma CLI at any time.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Arbitrary constant: serialises concurrent starters on PostgreSQL (harmless on single-connection PGlite).
// Session-level: the caller must pass a runner bound to ONE connection, not a pool.
const LOCK_ID = 72707351;

/** Applies committed migrations that are not yet recorded; each in its own transaction. Returns applied names. */
export async function applyMigrations(db: SqlRunner, files = readMigrationFiles()): Promise<string[]> {
  // Lock first: even CREATE TABLE IF NOT EXISTS fails when two servers run it at the same moment.
  await db.query(`SELECT pg_advisory_lock(${LOCK_ID})`);
  const applied: string[] = [];
  try {
    await db.exec(CREATE_TABLE);
    const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const m of files) {
      const prev = done.get(m.name);
      if (prev?.finished_at) {
        if (prev.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was edited after it was applied (checksum mismatch). Create a new migration instead.`);
        }
        continue;
      }
      if (prev && !prev.finished_at) {
        throw new Error(`Migration ${m.name} failed earlier and needs manual attention (see _prisma_migrations.logs).`);
      }
      const id = randomUUID();
      await db.exec("BEGIN");
      try {
        await db.exec(m.sql);
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, m.checksum, m.name],
        );
        await db.exec("COMMIT");
        applied.push(m.name);
      } catch (err) {
        await db.exec("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${LOCK_ID})`);
  }
  return applied;
}
