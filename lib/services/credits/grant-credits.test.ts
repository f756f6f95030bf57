import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/db";
import type { Database } from "@/lib/db";
import { grantCredits } from "./grant-credits";
import { getCreditBalance } from "./get-balance";

describe("grantCredits / getCreditBalance", () => {
  let db: Database;
  let orgId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    orgId = (await db.prisma.organization.create({ data: { name: "Credits", slug: "credits" } })).id;
  });
  afterAll(async () => db?.close());

  it("appends grant rows and derives the balance from the whole ledger", async () => {
    expect(await getCreditBalance(orgId, db.prisma)).toBe(0);
    const first = await grantCredits({ orgId, amount: 50, note: "welcome" }, db.prisma);
    expect(first.entry).toMatchObject({ amount: 50, reason: "grant", note: "welcome" });
    expect(first.balance).toBe(50);
    await db.prisma.creditLedger.create({ data: { organizationId: orgId, amount: -20, reason: "scan_reserve" } });
    const second = await grantCredits({ orgId, amount: 5 }, db.prisma);
    expect(second.balance).toBe(35);
    expect(await db.prisma.creditLedger.count({ where: { organizationId: orgId } })).toBe(3);
  });

  it("rejects non-positive or fractional amounts and unknown organizations", async () => {
    await expect(grantCredits({ orgId, amount: 0 }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(grantCredits({ orgId, amount: 1.5 }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(grantCredits({ orgId: "missing", amount: 1 }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
  });
});
