import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import type { Database } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_EMAIL, seedDemo } from "./demo";

describe("seedDemo", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.close());

  it("creates the demo owner once, with a random password stored only as a hash", async () => {
    const first = await seedDemo(db.prisma);
    if (!first.created) throw new Error("expected the demo to be created");
    expect(first.password.length).toBeGreaterThanOrEqual(16);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL }, include: { memberships: { include: { organization: true } } } });
    expect(user.memberships[0]).toMatchObject({ role: "owner", organization: { slug: first.orgSlug } });
    expect(user.passwordHash).not.toContain(first.password);
    expect(await verifyPassword(user.passwordHash!, first.password)).toBe(true);

    expect(await seedDemo(db.prisma)).toEqual({ created: false, reason: "database-not-empty" });
    expect(await db.prisma.user.count()).toBe(1);
    expect(first.sampleDomainId).toBeUndefined();
  });

  it("does nothing when the database already has users", async () => {
    await db.prisma.user.deleteMany();
    await db.prisma.user.create({ data: { email: "real@example.com" } });
    expect(await seedDemo(db.prisma)).toEqual({ created: false, reason: "database-not-empty" });
    expect(await db.prisma.user.findUnique({ where: { email: DEMO_EMAIL } })).toBeNull();
  });
});
