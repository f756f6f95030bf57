import { getPrisma, type Prisma } from "@/lib/db";

/** What a new report can be made of: recent finished scans, the domains that have one, and every domain for a portfolio. Org-scoped. */
export async function listReportSources(input: { orgId: string; limit?: number }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const scans = await db.scan.findMany({
    where: { organizationId: input.orgId, status: "succeeded" },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    take: input.limit ?? 50,
    select: { id: true, finishedAt: true, grade: true, domain: { select: { id: true, host: true } } },
  });
  const domains = await db.domain.findMany({
    where: { organizationId: input.orgId, scans: { some: { status: "succeeded" } } },
    orderBy: { host: "asc" },
    select: { id: true, host: true },
  });
  // A portfolio may include domains not scanned yet (they are listed as such).
  const portfolioDomains = await db.domain.findMany({ where: { organizationId: input.orgId }, orderBy: { host: "asc" }, take: 200, select: { id: true, host: true } });
  return { scans, domains, portfolioDomains };
}
