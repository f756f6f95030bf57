import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import { setDatabase, type Database } from "@/lib/db";
import type { Actor } from "../audit/record-audit-event";
import { createDomain } from "./create-domain";
import { deleteDomain } from "./delete-domain";
import { getDomainOrThrow } from "./get-domain";
import { normalizeDomainInput } from "./normalize-domain-input";
import { updateDomain } from "./update-domain";

describe("normalizeDomainInput", () => {
  it.each([
    [{ hostname: "Example.COM" }, { scheme: "https", host: "example.com" }],
    [{ hostname: "example.com." }, { scheme: "https", host: "example.com" }],
    [{ hostname: "example.com:443" }, { scheme: "https", host: "example.com" }],
    [{ hostname: "example.com:8443" }, { scheme: "https", host: "example.com:8443" }],
    [{ hostname: "bücher.de" }, { scheme: "https", host: "xn--bcher-kva.de" }],
    [{ hostname: "127.0.0.1:3000" }, { scheme: "https", host: "127.0.0.1:3000" }],
    [{ url: "http://localhost:8080" }, { scheme: "http", host: "localhost:8080" }],
    [{ url: "HTTPS://Sub.Example.org/" }, { scheme: "https", host: "sub.example.org" }],
    [{ url: "http://[::1]:9000" }, { scheme: "http", host: "[::1]:9000" }],
    // A full URL keeps its origin.
    [{ url: "https://example.com/#x" }, { scheme: "https", host: "example.com" }],
    [{ url: "http://shop.example:8080/products/42?ref=mail" }, { scheme: "http", host: "shop.example:8080" }],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeDomainInput(input)).toMatchObject(expected);
  });

  it.each([
    { hostname: "" },
    { hostname: "a b.com" },
    { hostname: "http://example.com" },
    { hostname: "example.com/x" },
    { hostname: "x@example.com" },
    { hostname: "0x7f.1" },
    { hostname: "2130706433" },
    { hostname: "1.2.3" },
    { hostname: "256.1.1.1" },
    { hostname: "a..com" },
    { hostname: "-a.com" },
    { hostname: "a-.com" },
    { hostname: `${"a".repeat(64)}.com` },
    { hostname: "example.123" },
    { hostname: "intranet" },
    { url: "javascript:alert(1)" },
    { url: "https://user:pw@example.com" },
  ])("rejects %j", (input) => {
    expect(() => normalizeDomainInput(input)).toThrow(expect.objectContaining({ code: "invalid_params" }));
  });
});

describe("domain services", () => {
  let db: Database;
  let a: Actor;
  let b: Actor;
  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    const orgA = await db.prisma.organization.create({ data: { name: "A", slug: "svc-a" } });
    const orgB = await db.prisma.organization.create({ data: { name: "B", slug: "svc-b" } });
    a = { orgId: orgA.id, userId: null, apiKeyId: null, requestId: "req_a" };
    b = { orgId: orgB.id, userId: null, apiKeyId: null, requestId: "req_b" };
  });
  afterAll(async () => {
    setDatabase(undefined);
    await db?.close();
  });

  it("records an audit event for every write, with the request id", async () => {
    const d = await createDomain(a, { hostname: "audit.example.com" });
    await updateDomain(a, d.id, { schedule: "daily", directoryEnabled: true });
    await deleteDomain(a, d.id);
    const events = await db.prisma.auditEvent.findMany({ where: { organizationId: a.orgId, targetId: d.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["domain.create", "domain.update", "domain.delete"]);
    expect(events.every((e) => e.requestId === "req_a")).toBe(true);
    expect(events[1].metadata).toEqual({ fields: ["schedule", "directoryEnabled"] });
  });

  it("scopes every lookup by organization", async () => {
    const d = await createDomain(a, { hostname: "mine.example.com" });
    await expect(getDomainOrThrow({ orgId: b.orgId, domainId: d.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateDomain(b, d.id, { schedule: "daily" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteDomain(b, d.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getDomainOrThrow({ orgId: a.orgId, domainId: d.id })).schedule).toBe("off");
    expect(await db.prisma.auditEvent.count({ where: { organizationId: b.orgId } })).toBe(0);
  });

  it("reports a duplicate host as a conflict and writes no audit event for it", async () => {
    await createDomain(a, { hostname: "twice.example.com" });
    const before = await db.prisma.auditEvent.count();
    await expect(createDomain(a, { url: "http://twice.example.com" })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });
});
