import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createTestDatabase } from "@/test/support/db";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import { verifyCredentials } from "./credentials";
import { safeCallbackPath } from "./redirect-target";

describe("verifyCredentials", () => {
  let db: Database;
  let userId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    ({ user: { id: userId } } = await createUserWithOrg(
      { email: "grace@example.com", password: "a long passphrase", orgName: "Hopper Inc", name: "Grace" },
      db.prisma,
    ));
  });
  afterAll(async () => db?.close());

  it("returns the user (never the hash) for the right password, whatever the email's case and spacing", async () => {
    const user = await verifyCredentials({ email: "  Grace@Example.com ", password: "a long passphrase" }, db.prisma);
    expect(user).toEqual({ id: userId, email: "grace@example.com", name: "Grace" });
  });

  it("refuses a wrong password, an unknown email and malformed input alike", async () => {
    expect(await verifyCredentials({ email: "grace@example.com", password: "a long passphras" }, db.prisma)).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.com", password: "a long passphrase" }, db.prisma)).toBeNull();
    expect(await verifyCredentials({ email: "grace@example.com" }, db.prisma)).toBeNull();
    expect(await verifyCredentials({ email: "not an email", password: "x" }, db.prisma)).toBeNull();
    expect(await verifyCredentials(undefined, db.prisma)).toBeNull();
  });

  it("refuses an account without a password (e.g. one created by an OAuth provider)", async () => {
    await db.prisma.user.create({ data: { email: "oauth@example.com" } });
    expect(await verifyCredentials({ email: "oauth@example.com", password: "anything" }, db.prisma)).toBeNull();
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-origin paths and rejects anything that could leave the site", () => {
    expect(safeCallbackPath("/o/acme/findings?status=open")).toBe("/o/acme/findings?status=open");
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined, ["/o"]]) {
      expect(safeCallbackPath(bad)).toBe("/o");
    }
  });
});
