import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import type { Database } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash";
import { createApiKey } from "./create-api-key";
import { hasScope, parseScopes } from "./scopes";

describe("createApiKey", () => {
  let db: Database;
  let orgId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    orgId = (await db.prisma.organization.create({ data: { name: "Keys", slug: "keys" } })).id;
  });
  afterAll(async () => db?.close());

  it("stores only the hash and prefix, and returns the raw key once", async () => {
    const { apiKey, rawKey } = await createApiKey({ orgId, name: "CI", scopes: "scans:write, domains:read" }, db.prisma);
    expect(rawKey).toMatch(/^plumb_[0-9a-f]{48}$/);
    expect(apiKey.hash).toBe(sha256Hex(rawKey));
    expect(apiKey.prefix).toBe(rawKey.slice(0, 12));
    expect(apiKey.scopes).toEqual(["domains:read", "scans:write"]);
    const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(JSON.stringify(stored)).not.toContain(rawKey);
  });

  it("maps all to the wildcard scope", async () => {
    const { apiKey } = await createApiKey({ orgId, name: "Everything", scopes: "all" }, db.prisma);
    expect(apiKey.scopes).toEqual(["*"]);
  });

  it("rejects malformed scopes and unknown organizations", async () => {
    await expect(createApiKey({ orgId, name: "x", scopes: "scans" }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createApiKey({ orgId: "missing", name: "x", scopes: "all" }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("scopes", () => {
  it("parses, dedupes and checks", () => {
    expect(parseScopes("b:read,a:write,b:read")).toEqual(["a:write", "b:read"]);
    expect(() => parseScopes("")).toThrow(/At least one/);
    expect(hasScope(["domains:write"], "domains:read")).toBe(true);
    expect(hasScope(["domains:read"], "domains:write")).toBe(false);
    expect(hasScope(["*"], "anything:write")).toBe(true);
  });
});
