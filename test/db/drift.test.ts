import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema, SCHEMA_PATH } from "@/scripts/db/schema-engine";

// If this fails: you changed prisma/schema.prisma without a migration. Run `npm run db:migration -- <name>`.
describe("schema.prisma vs prisma/migrations", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-drift-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("the committed migrations produce exactly the schema", { timeout: 180_000 }, async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("detects a schema change that has no migration", async () => {
    const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
    const changed = schema.replace(/model Organization \{\n/, "model Organization {\n  driftProbe String?\n");
    expect(changed).not.toBe(schema);
    const file = path.join(tmp, "schema.prisma");
    fs.writeFileSync(file, changed);
    const sql = await diffMigrationsToSchema({ schemaPath: file });
    expect(sql).toMatch(/ALTER TABLE "Organization" ADD COLUMN\s+"driftProbe" TEXT/);
  });
});
