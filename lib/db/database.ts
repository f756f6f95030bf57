import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";
import type { PrismaClient } from "@/generated/prisma/client";
import type { SqlRunner } from "./migrate";

export type Prisma = PrismaClient;

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Set in embedded mode: the single PGlite instance everything (Prisma, pg-boss) shares. */
  pglite?: PGlite;
  /** Set on PostgreSQL: the pool Prisma's adapter uses, shared by pg-boss. */
  pool?: Pool;
  /** Raw SQL. On PostgreSQL each call may use a different pooled connection: no session state across calls. */
  sql: SqlRunner;
  close(): Promise<void>;
}
