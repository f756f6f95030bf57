import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createTestDatabase } from "@/test/support/db";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import type { Pillar, Severity } from "@/lib/scanner/types";
import { listFindingsSorted, type FindingSort, type SortDirection } from "./list-findings-sorted";
import { getFindingDetail } from "./get-finding-detail";

const SEV: Severity[] = ["critical", "high", "medium", "low", "info"];
const PIL: Pillar[] = ["accessibility", "security", "cookies", "trackers", "privacy", "performance", "seo"];

describe("listFindingsSorted: keyset pages in every order", () => {
  let db: Database;
  let orgId: string;
  let otherOrgId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const a = await createUserWithOrg({ email: "sort@example.com", password: "password-s", orgName: "Sort" }, db.prisma);
    const b = await createUserWithOrg({ email: "else@example.com", password: "password-e", orgName: "Else" }, db.prisma);
    orgId = a.organization.id;
    otherOrgId = b.organization.id;
    const domain = await db.prisma.domain.create({ data: { organizationId: orgId, host: "sort.example", verifyToken: "t" } });
    const otherDomain = await db.prisma.domain.create({ data: { organizationId: otherOrgId, host: "else.example", verifyToken: "u" } });
    const base = Date.UTC(2026, 0, 1);
    // 23 findings with repeated severities, pillars and (every third) equal last-seen times: ties must page stably.
    for (let i = 0; i < 23; i++) {
      await db.prisma.finding.create({
        data: {
          organizationId: orgId,
          domainId: domain.id,
          fingerprint: `fp-${i}`,
          pillar: PIL[i % PIL.length],
          rule: `rule-${i}`,
          severity: SEV[(i * 3) % SEV.length],
          title: i % 5 === 0 ? `Missing header ${i}` : `Finding ${i}`,
          description: "d",
          fix: "f",
          url: `https://sort.example/p${i}`,
          lastSeenAt: new Date(base + Math.floor(i / 3) * 60_000),
        },
      });
    }
    await db.prisma.finding.create({
      data: {
        organizationId: otherOrgId,
        domainId: otherDomain.id,
        fingerprint: "x",
        pillar: "seo",
        rule: "x",
        severity: "critical",
        title: "Missing header elsewhere",
        description: "d",
        fix: "f",
        url: "https://else.example/",
      },
    });
  });
  afterAll(async () => db?.close());

  async function all(sort: FindingSort, direction: SortDirection, limit: number, extra: { q?: string } = {}) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 50; n++) {
      const page = await listFindingsSorted({ orgId, limit, cursor, sort, direction, ...extra }, db.prisma);
      ids.push(...page.items.map((f) => f.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return ids;
  }

  for (const sort of ["severity", "last_seen", "pillar"] as const) {
    for (const direction of ["asc", "desc"] as const) {
      it(`${sort} ${direction}: pages of 4 equal one page of everything, in order`, async () => {
        const whole = await all(sort, direction, 100);
        expect(whole).toHaveLength(23);
        expect(await all(sort, direction, 4)).toEqual(whole);
        const rows = await db.prisma.finding.findMany({ where: { id: { in: whole } } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        const keys = whole.map((id) => {
          const f = byId.get(id)!;
          return sort === "severity" ? SEV.indexOf(f.severity) : sort === "pillar" ? PIL.indexOf(f.pillar) : f.lastSeenAt.getTime();
        });
        const sorted = [...keys].sort((x, y) => (direction === "asc" ? x - y : y - x));
        expect(keys).toEqual(sorted);
      });
    }
  }

  it("filters like listFindings (text search, organization) and refuses another order's cursor", async () => {
    const hits = await all("severity", "asc", 2, { q: "missing HEADER" });
    expect(hits).toHaveLength(5);
    const page = await listFindingsSorted({ orgId, limit: 2, sort: "severity", direction: "asc" }, db.prisma);
    await expect(listFindingsSorted({ orgId, limit: 2, sort: "pillar", direction: "asc", cursor: page.nextCursor! }, db.prisma)).rejects.toMatchObject({
      code: "invalid_params",
    });
    await expect(listFindingsSorted({ orgId, limit: 2, sort: "severity", direction: "asc", cursor: "garbage" }, db.prisma)).rejects.toMatchObject({
      code: "invalid_params",
    });
  });

  it("detail is scoped to the organization", async () => {
    const [first] = await all("severity", "asc", 1);
    const detail = await getFindingDetail({ orgId, findingId: first }, db.prisma);
    expect(detail.domain.host).toBe("sort.example");
    expect(detail._count.occurrences).toBe(0);
    await expect(getFindingDetail({ orgId: otherOrgId, findingId: first }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
  });
});
