import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createTestDatabase } from "@/test/support/db";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import { verifyCredentials } from "./credentials";
import { safeCallbackPath } from "./redirect-target";
import { ACCOUNT_CEILING, IP_CEILING, PAIR_FREE, pairDelaySeconds, SIGN_IN_RATE_LIMITED, SignInThrottledError } from "./sign-in-limits";
import { clientIpFromHeaderRecord, clientIpFromHeaders, SOCKET_IP_HEADER } from "@/lib/http/client-ip";

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
    await createUserWithOrg({ email: "ceiling@example.com", password: "the real password", orgName: "Ceiling" }, db.prisma);
  });
  afterAll(async () => db?.close());

  it("delays one address after a few failures, while the right password from another address still works", async () => {
    for (let i = 0; i < PAIR_FREE; i++) {
      expect(await verifyCredentials({ email: "target@example.com", password: `guess ${i}` }, db.prisma, "203.0.113.7")).toBeNull();
    }
    // Thirty more from the same address: refused without testing the password, even the right one.
    for (let i = 0; i < 30; i++) {
      await expect(verifyCredentials({ email: "target@example.com", password: `more ${i}` }, db.prisma, "203.0.113.7")).rejects.toThrow(SIGN_IN_RATE_LIMITED);
    }
    await expect(verifyCredentials({ email: "TARGET@example.com", password: "the real password" }, db.prisma, "203.0.113.7")).rejects.toBeInstanceOf(
      SignInThrottledError,
    );
    const user = await verifyCredentials({ email: "TARGET@example.com", password: "the real password" }, db.prisma, "203.0.113.8");
    expect(user?.email).toBe("target@example.com");
  });

  it("grows the delay with each failure, up to 15 minutes", () => {
    expect(pairDelaySeconds(PAIR_FREE - 1)).toBe(0);
    expect(pairDelaySeconds(PAIR_FREE)).toBe(30);
    expect(pairDelaySeconds(PAIR_FREE + 1)).toBe(60);
    expect(pairDelaySeconds(PAIR_FREE + 20)).toBe(900);
  });

  it("locks the account for everybody beyond the global ceiling", async () => {
    let n = 0;
    for (let ip = 0; n < ACCOUNT_CEILING; ip++) {
      for (let i = 0; i < PAIR_FREE && n < ACCOUNT_CEILING; i++, n++) {
        expect(await verifyCredentials({ email: "ceiling@example.com", password: `x${n}` }, db.prisma, `198.18.${ip}.1`)).toBeNull();
      }
    }
    await expect(verifyCredentials({ email: "ceiling@example.com", password: "the real password" }, db.prisma, "192.0.2.200")).rejects.toThrow(
      SIGN_IN_RATE_LIMITED,
    );
  }, 120_000);

  it("stops one address spraying many accounts", async () => {
    for (let i = 0; i < IP_CEILING; i++) {
      await verifyCredentials({ email: `spray${i}@example.com`, password: "password" }, db.prisma, "198.51.100.9");
    }
    await expect(verifyCredentials({ email: "fresh@example.com", password: "password" }, db.prisma, "198.51.100.9")).rejects.toThrow(
      SIGN_IN_RATE_LIMITED,
    );
    // Another address is unaffected.
    expect(await verifyCredentials({ email: "fresh@example.com", password: "password" }, db.prisma, "198.51.100.10")).toBeNull();
  });
});

describe("client address", () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  const marker = Symbol.for("plumb.socketIpHeader");
  afterAll(() => {
    delete (globalThis as Record<symbol, unknown>)[marker];
  });

  it("behind scripts/serve.mjs: hops=0 takes the socket address and ignores X-Forwarded-For", () => {
    (globalThis as Record<symbol, unknown>)[marker] = true;
    const h = headers({ [SOCKET_IP_HEADER]: "::ffff:10.1.2.3", "x-forwarded-for": "1.1.1.1, 2.2.2.2" });
    expect(clientIpFromHeaders(h, 0)).toBe("10.1.2.3");
    expect(clientIpFromHeaders(h, 1)).toBe("2.2.2.2");
    expect(clientIpFromHeaders(h, 2)).toBe("1.1.1.1");
    // More hops than entries: the outermost address known.
    expect(clientIpFromHeaders(h, 5)).toBe("1.1.1.1");
    expect(clientIpFromHeaderRecord({ [SOCKET_IP_HEADER]: "127.0.0.1", "x-forwarded-for": "9.9.9.9" }, 0)).toBe("127.0.0.1");
  });

  it("without the server marker falls back to the rightmost X-Forwarded-For entry", () => {
    delete (globalThis as Record<symbol, unknown>)[marker];
    expect(clientIpFromHeaders(headers({ [SOCKET_IP_HEADER]: "6.6.6.6", "x-forwarded-for": "10.0.0.1, ::ffff:192.0.2.4" }), 0)).toBe("192.0.2.4");
    expect(clientIpFromHeaders(headers({}), 0)).toBe("unknown");
  });
});
