import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./db";
import type { Database } from "@/lib/db";

describe("test database", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.close());

  it("is migrated and empty", async () => {
    expect(await db.prisma.organization.count()).toBe(0);
    const rows = await db.sql.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.length).toBeGreaterThan(0);
  });
});
