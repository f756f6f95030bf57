// PostgreSQL only (PLUMB_TEST_DB=postgres): the plans of the triage list's queries. With enough rows across
// many organizations and fresh statistics, every sort and filter combination the UI offers must be served
// by an index on "Finding" (no sequential scan of the table), and the text search by the trigram indexes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createTestDatabase, testEngine } from "@/test/support/db";

type Plan = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: Plan[];
};

function nodes(p: Plan): Plan[] {
  return [p, ...(p.Plans ?? []).flatMap(nodes)];
}

describe.skipIf(testEngine() !== "postgres")("findings list indexes (PostgreSQL EXPLAIN)", () => {
  let db: Database;
  let org = "";
  let domain = "";

  async function explain(sql: string, params: unknown[]): Promise<Plan[]> {
    const rows = await db.sql.query<{ "QUERY PLAN": [{ Plan: Plan }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    return nodes(rows[0]["QUERY PLAN"][0].Plan);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    // 40 organizations × 2 domains × 750 findings = 60 000 rows, statuses/severities/pillars spread out, plus
    // one large domain.
    await db.sql.exec(`
      INSERT INTO "Organization" ("id", "name", "slug", "updatedAt")
        SELECT 'org-' || o, 'Org ' || o, 'org-' || o, now() FROM generate_series(1, 40) o;
      INSERT INTO "Domain" ("id", "organizationId", "host", "scheme", "verifyToken", "updatedAt")
        SELECT 'dom-' || o || '-' || d, 'org-' || o, 'site' || d || '.org' || o || '.example', 'https'::"DomainScheme", 'tok-' || o || '-' || d, now()
          FROM generate_series(1, 40) o, generate_series(1, 2) d;
      INSERT INTO "Finding" ("id", "organizationId", "domainId", "fingerprint", "pillar", "rule", "severity", "status",
                             "title", "description", "fix", "url", "urls", "lastSeenAt", "createdAt", "updatedAt", "instancesCount", "pagesCount")
        SELECT 'f-' || o || '-' || d || '-' || i, 'org-' || o, 'dom-' || o || '-' || d, md5(o || '-' || d || '-' || i),
               (ARRAY['accessibility','security','cookies','trackers','privacy','performance','seo'])[1 + i % 7]::"Pillar",
               'rule-' || (i % 60),
               (ARRAY['critical','high','medium','low','info'])[1 + i % 5]::"Severity",
               (ARRAY['open','open','in_progress','resolved','resolved','resolved','accepted_risk','false_positive'])[1 + i % 8]::"FindingStatus",
               'Finding title ' || i || ' about ' || md5(i::text), 'd', 'f', 'https://site.example/page-' || (i % 200), '{}',
               now() - (i || ' minutes')::interval, now() - ((i * 7919 % 750) || ' hours')::interval, now(), 1 + i % 9, 1 + i % 5
          FROM generate_series(1, 40) o, generate_series(1, 2) d, generate_series(1, 750) i;
      -- one large domain (org-7's first: 15,000 more findings), the size where sorting every match per page hurts
      INSERT INTO "Finding" ("id", "organizationId", "domainId", "fingerprint", "pillar", "rule", "severity", "status",
                             "title", "description", "fix", "url", "urls", "lastSeenAt", "createdAt", "updatedAt")
        SELECT 'f-7-1-big-' || i, 'org-7', 'dom-7-1', md5('big-' || i),
               (ARRAY['accessibility','security','cookies','trackers','privacy','performance','seo'])[1 + i % 7]::"Pillar",
               'rule-' || (i % 60), (ARRAY['critical','high','medium','low','info'])[1 + i % 5]::"Severity",
               (ARRAY['open','open','in_progress','resolved','resolved','resolved','accepted_risk','false_positive'])[1 + i % 8]::"FindingStatus",
               'Big finding ' || i, 'd', 'f', 'https://site.example/big-' || (i % 500), '{}',
               now() - (i || ' seconds')::interval, now() - ((i * 7919 % 15000) || ' minutes')::interval, now()
          FROM generate_series(1, 15000) i;
      INSERT INTO "FindingInstance" ("id", "findingId", "url", "lastSeenAt")
        SELECT 'fi-' || f."id" || '-' || k, f."id", 'https://site.example/page-' || ((k * 37) % 500), now()
          FROM "Finding" f, generate_series(1, 3) k;
      ANALYZE;
    `);
    org = "org-7";
    domain = "dom-7-1";
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  const sorts: Record<string, string> = {
    "severity asc": `"severity" ASC, "lastSeenAt" DESC, "id" DESC`,
    "severity desc": `"severity" DESC, "lastSeenAt" DESC, "id" DESC`,
    "last_seen desc": `"lastSeenAt" DESC, "id" DESC`,
    "last_seen asc": `"lastSeenAt" ASC, "id" DESC`,
    "pillar asc": `"pillar" ASC, "lastSeenAt" DESC, "id" DESC`,
    "pillar desc": `"pillar" DESC, "lastSeenAt" DESC, "id" DESC`,
  };
  const statuses: Record<string, string | null> = {
    "open + in progress (default)": `"status" IN ('open', 'in_progress')`,
    "one status": `"status" = 'accepted_risk'`,
    "all but resolved": `"status" IN ('open', 'in_progress', 'accepted_risk', 'false_positive')`,
    "with resolved": `"status" IN ('open', 'in_progress', 'resolved')`,
  };
  const extras: Record<string, string | null> = {
    none: null,
    domain: `"domainId" = $2`,
    pillar: `"pillar" = 'security'`,
    severity: `"severity" = 'high'`,
    regression: `"regression" = true`,
  };

  it("serves every sort × status × filter of the triage table from an index", async () => {
    const misses: string[] = [];
    for (const [sortName, order] of Object.entries(sorts)) {
      for (const [statusName, status] of Object.entries(statuses)) {
        for (const [extraName, extra] of Object.entries(extras)) {
          const where = [`"organizationId" = $1`, status, extra].filter(Boolean).join(" AND ");
          const params = extra?.includes("$2") ? [org, domain] : [org];
          const plan = await explain(`SELECT * FROM "Finding" WHERE ${where} ORDER BY ${order} LIMIT 51`, params);
          const seq = plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Finding");
          if (seq.length > 0) misses.push(`${sortName} / ${statusName} / ${extraName}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  // GET /api/v1/findings pages in keyset order (lib/services/pagination.ts): a page must read a bounded number of
  // rows whatever the organization's size, not fetch every match and sort it (sorting a 10,000-finding
  // organization per request was the list's whole latency). Measured with EXPLAIN ANALYZE on org-7, whose first
  // domain holds 15,750 findings (16,500 in the organization): every filter the API offers, first page and after
  // a cursor, reads at most 2,500 rows of "Finding" for a 51-row page. The planner may still sort a small
  // filtered set (e.g. severity + pillar, ~470 rows) when that is cheaper.
  it("serves the API list's keyset order with every filter by reading a bounded number of rows", async () => {
    const order = `"createdAt" DESC, "id" DESC`;
    const filters: Record<string, string | null> = {
      none: null,
      status: `"status" = 'open'`,
      "status list": `"status" IN ('open', 'in_progress')`,
      severity: `"severity" = 'high'`,
      pillar: `"pillar" = 'security'`,
      "severity + pillar": `"severity" = 'high' AND "pillar" = 'security'`,
      domain: `"domainId" = $2`,
      "domain + status": `"domainId" = $2 AND "status" = 'open'`,
      "domain + severity": `"domainId" = $2 AND "severity" = 'critical'`,
    };
    // The cursor condition as lib/services/pagination.ts writes it.
    const c = `now() - interval '100 hours'`;
    const cursor = `"createdAt" <= ${c} AND ("createdAt" < ${c} OR "id" < 'f-7-1-400')`;
    const heavy: string[] = [];
    for (const [name, filter] of Object.entries(filters)) {
      for (const after of [null, cursor]) {
        const where = [`"organizationId" = $1`, filter, after].filter(Boolean).join(" AND ");
        const params = filter?.includes("$2") ? [org, domain] : [org];
        const rows = await db.sql.query<{ "QUERY PLAN": [{ Plan: Plan }] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM "Finding" WHERE ${where} ORDER BY ${order} LIMIT 51`,
          params,
        );
        const plan = nodes(rows[0]["QUERY PLAN"][0].Plan);
        const read = plan
          .filter((n) => n["Relation Name"] === "Finding")
          .reduce((sum, n) => sum + (n["Actual Rows"] ?? 0) + (n["Rows Removed by Filter"] ?? 0) + (n["Rows Removed by Index Recheck"] ?? 0), 0);
        if (read > 2_500) heavy.push(`${name}${after ? " after a cursor" : ""}: ${read} rows read (${plan.map((n) => n["Index Name"] ?? n["Node Type"]).join(" > ")})`);
      }
    }
    expect(heavy).toEqual([]);
  });

  it("counts the total from an index", async () => {
    const plan = await explain(`SELECT count(*) FROM "Finding" WHERE "organizationId" = $1 AND "status" IN ('open', 'in_progress')`, [org]);
    expect(plan.some((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Finding")).toBe(false);
  });

  it("uses the trigram indexes for q and url= (pg_trgm)", async () => {
    const ext = await db.sql.query<{ extname: string }>(`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect(ext).toHaveLength(1);
    const title = await explain(`SELECT "id" FROM "Finding" WHERE "title" ILIKE $1`, ["%3f2a9%"]);
    expect(title.map((n) => n["Index Name"])).toContain("Finding_title_trgm_idx");
    const url = await explain(`SELECT DISTINCT "findingId" FROM "FindingInstance" WHERE "url" ILIKE $1`, ["%page-123%"]);
    expect(url.map((n) => n["Index Name"])).toContain("FindingInstance_url_trgm_idx");
  });

  it("pages a finding's instances from its index", async () => {
    const plan = await explain(`SELECT * FROM "FindingInstance" WHERE "findingId" = $1 ORDER BY "lastSeenAt" DESC, "id" DESC LIMIT 26`, ["f-7-1-5"]);
    expect(plan.some((n) => n["Node Type"] === "Seq Scan")).toBe(false);
  });
});
