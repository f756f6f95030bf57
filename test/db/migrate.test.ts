import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, openDatabase, readMigrationFiles, type SqlRunner } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash";
import { testEngine } from "@/test/support/db";
import { createEmptyDatabase, type EmptyDatabase } from "./empty-database";

type Row = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number };

describe(`runtime migration applier (${testEngine()})`, () => {
  let db: EmptyDatabase;
  let dir: string;
  beforeEach(async () => {
    db = await createEmptyDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-migrations-"));
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function addMigration(name: string, sql: string): void {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  async function withSession<T>(fn: (s: SqlRunner) => Promise<T>): Promise<T> {
    const s = await db.session();
    try {
      return await fn(s);
    } finally {
      await s.release();
    }
  }
  const history = () =>
    withSession((s) => s.query<Row>(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`));

  it("applies the committed migrations and records them like prisma migrate deploy", async () => {
    const files = readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(await withSession((s) => applyMigrations(s, files))).toEqual(files.map((f) => f.name));
    const rows = await history();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(sha256Hex(fs.readFileSync(path.join("prisma/migrations", files[i].name, "migration.sql"))));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await withSession((s) => s.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_tables WHERE tablename IN ('Organization', 'CreditLedger')`));
    expect(tables[0].n).toBe("2");
  });

  it("is idempotent and applies only what is new", async () => {
    addMigration("20260101000000_one", `CREATE TABLE "one" (id int primary key);`);
    expect(await withSession((s) => applyMigrations(s, readMigrationFiles(dir)))).toEqual(["20260101000000_one"]);
    expect(await withSession((s) => applyMigrations(s, readMigrationFiles(dir)))).toEqual([]);
    addMigration("20260102000000_two", `ALTER TABLE "one" ADD COLUMN label text;`);
    expect(await withSession((s) => applyMigrations(s, readMigrationFiles(dir)))).toEqual(["20260102000000_two"]);
    expect((await history()).map((r) => r.migration_name)).toEqual(["20260101000000_one", "20260102000000_two"]);
  });

  it("refuses a migration edited after it was applied, and applies nothing after it", async () => {
    addMigration("20260101000000_one", `CREATE TABLE "one" (id int primary key);`);
    await withSession((s) => applyMigrations(s, readMigrationFiles(dir)));
    fs.writeFileSync(path.join(dir, "20260101000000_one", "migration.sql"), `CREATE TABLE "one" (id bigint primary key);`);
    addMigration("20260102000000_two", `CREATE TABLE "two" (id int);`);
    await expect(withSession((s) => applyMigrations(s, readMigrationFiles(dir)))).rejects.toThrow(
      /20260101000000_one was edited after it was applied/,
    );
    expect((await history()).map((r) => r.migration_name)).toEqual(["20260101000000_one"]);
  });

  it("rolls a failing migration back completely and does not record it", async () => {
    addMigration("20260101000000_bad", `CREATE TABLE "half" (id int); SELECT no_such_function();`);
    await expect(withSession((s) => applyMigrations(s, readMigrationFiles(dir)))).rejects.toThrow(/20260101000000_bad failed/);
    expect(await history()).toEqual([]);
    const half = await withSession((s) => s.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_tables WHERE tablename = 'half'`));
    expect(half[0].n).toBe("0");
  });

  it.runIf(testEngine() === "postgres")("serialises concurrent starters: each migration runs once", async () => {
    addMigration("20260101000000_one", `CREATE TABLE "one" (id int primary key);`);
    addMigration("20260102000000_two", `CREATE TABLE "two" (id int primary key);`);
    process.env.PLUMB_MIGRATIONS_DIR = dir;
    try {
      const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ url: db.url! })));
      await Promise.all(opened.map((d) => d.close()));
    } finally {
      delete process.env.PLUMB_MIGRATIONS_DIR;
    }
    expect((await history()).map((r) => r.migration_name)).toEqual(["20260101000000_one", "20260102000000_two"]);
  });
});
