import { getPrisma, type Prisma } from "@/lib/db";

/** The full client or a transaction's: the composition reads only these. */
export type ResultDb = Pick<Prisma, "domain" | "finding" | "$queryRaw">;
import { PILLARS, SEVERITIES, type Pillar, type Severity } from "@/lib/scanner/types";
import { CAPPING_STATUSES, COUNTING_TRIGGERS } from "./counting-triggers";
import { composeResult, emptySeverityCounts, type DomainResult, type PillarSource, type SeverityCounts } from "./compose";

interface SourceRow {
  domainId: string;
  pillar: string;
  scanId: string;
  finishedAt: Date;
  scores: unknown;
  securityGrade: string | null;
  securityTests: unknown;
}

/**
 * The latest counting scan per (domain, pillar): succeeded, a counting trigger, a page budget of at least the
 * domain's page count; with `before`, the latest that finished before that moment (the composition as it was
 * then). One query for any number of domains.
 */
export async function latestPillarSources(db: ResultDb, domainIds: string[], before?: Date): Promise<Map<string, PillarSource[]>> {
  const out = new Map<string, PillarSource[]>();
  if (domainIds.length === 0) return out;
  const triggers = [...COUNTING_TRIGGERS];
  // Far future when unset: one query text for both uses.
  const until = before ?? new Date("9999-12-31T00:00:00Z");
  const rows = await db.$queryRaw<SourceRow[]>`
    SELECT DISTINCT ON (s."domainId", p.pillar)
           s."domainId", p.pillar::text AS pillar, s.id AS "scanId", s."finishedAt", s.scores, s."securityGrade", s."securityTests"
    FROM "Scan" s
    JOIN "Domain" d ON d.id = s."domainId"
    CROSS JOIN LATERAL unnest(s.pillars) AS p(pillar)
    WHERE s."domainId" = ANY(${domainIds}) AND s.status = 'succeeded' AND s."finishedAt" IS NOT NULL
      AND s.trigger::text = ANY(${triggers}) AND s."maxPages" >= d."pageCount"
      AND s."finishedAt" < ${until}
      AND (p.pillar <> 'performance' OR 'mobile' = ANY(s.devices))
    ORDER BY s."domainId", p.pillar, s."finishedAt" DESC, s.id DESC`;
  for (const r of rows) {
    if (!(PILLARS as readonly string[]).includes(r.pillar)) continue;
    const list = out.get(r.domainId) ?? [];
    list.push({
      pillar: r.pillar as Pillar,
      scanId: r.scanId,
      finishedAt: new Date(r.finishedAt),
      scores: parseJson(r.scores),
      securityGrade: r.securityGrade,
      securityTests: parseJson(r.securityTests),
    });
    out.set(r.domainId, list);
  }
  return out;
}

/** Raw queries hand jsonb back parsed on some drivers and as text on others. */
function parseJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return null;
  }
}

async function cappingCounts(db: ResultDb, domainIds: string[]): Promise<Map<string, SeverityCounts>> {
  const groups = await db.finding.groupBy({
    by: ["domainId", "severity"],
    where: { domainId: { in: domainIds }, status: { in: [...CAPPING_STATUSES] } },
    _count: { _all: true },
  });
  const out = new Map<string, SeverityCounts>();
  for (const g of groups) {
    const counts = out.get(g.domainId) ?? emptySeverityCounts();
    if ((SEVERITIES as readonly string[]).includes(g.severity)) counts[g.severity as Severity] += g._count._all;
    out.set(g.domainId, counts);
  }
  return out;
}

/**
 * THE composition of domains' public results (badge, directory, domain page, API, trend's last point).
 * `orgId` scopes the read to one organization; `null` is the public read (badge, directory), which callers
 * must restrict to what is public themselves. Unknown ids (or another organization's) are simply absent.
 */
export async function loadDomainResults(
  input: { orgId: string | null; domainIds: string[] },
  prisma?: ResultDb,
): Promise<Map<string, DomainResult>> {
  const db = prisma ?? (await getPrisma());
  const ids = [...new Set(input.domainIds)];
  const out = new Map<string, DomainResult>();
  if (ids.length === 0) return out;
  const domains = await db.domain.findMany({
    where: { id: { in: ids }, ...(input.orgId !== null ? { organizationId: input.orgId } : {}) },
    select: { id: true, pageCount: true },
  });
  const found = domains.map((d) => d.id);
  // Sequential: the caller may pass a transaction client, which runs one query at a time.
  const sources = await latestPillarSources(db, found);
  const capping = await cappingCounts(db, found);
  for (const d of domains) {
    out.set(d.id, composeResult({ domainId: d.id, pageCount: d.pageCount, sources: sources.get(d.id) ?? [], capping: capping.get(d.id) ?? emptySeverityCounts() }));
  }
  return out;
}

/** One domain's composed result, or null when the organization has no such domain. */
export async function loadDomainResult(input: { orgId: string | null; domainId: string }, prisma?: ResultDb): Promise<DomainResult | null> {
  return (await loadDomainResults({ orgId: input.orgId, domainIds: [input.domainId] }, prisma)).get(input.domainId) ?? null;
}
