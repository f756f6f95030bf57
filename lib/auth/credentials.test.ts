import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createTestDatabase } from "@/test/support/db";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import { verifyCredentials } from "./credentials";
import { safeCallbackPath } from "./redirect-target";
import { SIGN_IN_RATE_LIMITED, signInClientIp } from "./sign-in-limits";

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

describe("sign-in attempt limits", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await createUserWithOrg({ email: "target@example.com", password: "the real password", orgName: "Target" }, db.prisma);
  });
  afterAll(async () => db?.close());

  it("stops guessing on one account after 10 attempts in the window, even with the right password", async () => {
    for (let i = 0; i < 10; i++) {
      expect(await verifyCredentials({ email: "target@example.com", password: `guess ${i}` }, db.prisma, "203.0.113.7")).toBeNull();
    }
    await expect(verifyCredentials({ email: "TARGET@example.com", password: "the real password" }, db.prisma, "203.0.113.8")).rejects.toThrow(
      SIGN_IN_RATE_LIMITED,
    );
  });

  it("stops one address after 50 attempts across accounts", async () => {
    for (let i = 0; i < 50; i++) {
      await verifyCredentials({ email: `spray${i}@example.com`, password: "password" }, db.prisma, "198.51.100.9");
    }
    await expect(verifyCredentials({ email: "fresh@example.com", password: "password" }, db.prisma, "198.51.100.9")).rejects.toThrow(
      SIGN_IN_RATE_LIMITED,
    );
    // Another address is unaffected.
    expect(await verifyCredentials({ email: "fresh@example.com", password: "password" }, db.prisma, "198.51.100.10")).toBeNull();
  });

  it("reads the client address like lib/http: the rightmost X-Forwarded-For entry", () => {
    expect(signInClientIp({ "x-forwarded-for": "10.0.0.1, ::ffff:192.0.2.4" })).toBe("192.0.2.4");
    expect(signInClientIp({})).toBeUndefined();
    expect(signInClientIp(undefined)).toBeUndefined();
  });
});
