// Data migrations: one-off rewrites of existing rows that SQL alone cannot express (they need the scanner's
// classification). They run after the SQL migrations when a database is opened, each once: the name is
// recorded in "_plumb_data_migrations" in the same transaction as the rewrite, under an advisory lock so two
// starting instances cannot both run it.
import type { PrismaClient } from "@/generated/prisma/client";
import type { PrismaNS } from "../index";
import { regroupFindings } from "./regroup-findings";

export interface DataMigration {
  name: string;
  run(tx: PrismaNS.TransactionClient): Promise<void>;
}

export const DATA_MIGRATIONS: DataMigration[] = [{ name: "20261202_regroup_findings_by_subject", run: regroupFindings }];

const LOCK_ID = 72707352;

export async function applyDataMigrations(prisma: PrismaClient, migrations: DataMigration[] = DATA_MIGRATIONS): Promise<string[]> {
  const applied: string[] = [];
  for (const m of migrations) {
    const ran = await prisma.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${LOCK_ID})`);
        // Under the lock: concurrent CREATE TABLE IF NOT EXISTS can still collide on PostgreSQL's catalog.
        await tx.$executeRawUnsafe(
          `CREATE TABLE IF NOT EXISTS "_plumb_data_migrations" ("name" TEXT PRIMARY KEY, "finished_at" TIMESTAMPTZ NOT NULL DEFAULT now())`,
        );
        const done = await tx.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_plumb_data_migrations" WHERE "name" = $1`, m.name);
        if (done.length > 0) return false;
        await m.run(tx);
        await tx.$executeRawUnsafe(`INSERT INTO "_plumb_data_migrations" ("name") VALUES ($1)`, m.name);
        return true;
      },
      { timeout: 600_000, maxWait: 600_000 },
    );
    if (ran) applied.push(m.name);
  }
  return applied;
}
