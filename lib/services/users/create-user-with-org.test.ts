import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import type { Database } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createUserWithOrg } from "./create-user-with-org";
import { ServiceError } from "../errors";

describe("createUserWithOrg", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.close());

  it("creates the user, an organization with a slug and an owner membership", async () => {
    const { user, organization, membership } = await createUserWithOrg(
      { email: " Ada@Example.COM ", password: "correct horse", orgName: "Acme Café" },
      db.prisma,
    );
    expect(user.email).toBe("ada@example.com");
    expect(organization.slug).toBe("acme-cafe");
    expect(membership).toMatchObject({ userId: user.id, organizationId: organization.id, role: "owner", status: "active" });
    expect(await verifyPassword(user.passwordHash!, "correct horse")).toBe(true);
    expect(user.passwordHash).not.toContain("correct horse");
  });

  it("gives a second organization with the same name the next free slug", async () => {
    const a = await createUserWithOrg({ email: "b1@example.com", password: "password-1", orgName: "Twin Co" }, db.prisma);
    const b = await createUserWithOrg({ email: "b2@example.com", password: "password-2", orgName: "Twin Co" }, db.prisma);
    expect([a.organization.slug, b.organization.slug]).toEqual(["twin-co", "twin-co-2"]);
  });

  it("refuses a duplicate email with a conflict and leaves no orphan organization", async () => {
    await createUserWithOrg({ email: "dup@example.com", password: "password-1", orgName: "First" }, db.prisma);
    const before = await db.prisma.organization.count();
    await expect(
      createUserWithOrg({ email: "DUP@example.com", password: "password-2", orgName: "Second" }, db.prisma),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db.prisma.organization.count()).toBe(before);
  });

  it("rejects invalid input with invalid_params", async () => {
    const err = await createUserWithOrg({ email: "nope", password: "short", orgName: " " }, db.prisma).catch((e) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect(err.code).toBe("invalid_params");
    expect(err.message).toMatch(/email/i);
  });
});
