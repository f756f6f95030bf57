import { getPrisma, type Prisma } from "@/lib/db";
import { loadDomainResults } from "../domain-result/load-domain-results";

export const DOMAIN_SUMMARY_LIMIT = 200;

/**
 * The dashboard's domain list: each domain with its composed grade/score and when its latest scan ran (any
 * status, so a failed scan shows up too). Scoped to the organization; newest domain first.
 */
export async function listDomainSummaries(orgId: string, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const domains = await db.domain.findMany({
    where: { organizationId: orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DOMAIN_SUMMARY_LIMIT,
    select: {
      id: true,
      host: true,
      scheme: true,
      verifiedAt: true,
      verificationLostAt: true,
      schedule: true,
      lastGrade: true,
      lastScore: true,
      directoryEnabled: true,
      createdAt: true,
      scans: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { id: true, status: true, createdAt: true, finishedAt: true },
      },
    },
  });
  // Grade and score from the composed result, like everywhere else (lib/services/domain-result).
  const results = await loadDomainResults({ orgId, domainIds: domains.map((d) => d.id) }, db);
  return domains.map(({ scans, ...d }) => {
    const r = results.get(d.id);
    return { ...d, lastGrade: r?.grade ?? null, lastScore: r?.score ?? null, lastScan: scans[0] ?? null };
  });
}

export type DomainSummary = Awaited<ReturnType<typeof listDomainSummaries>>[number];
