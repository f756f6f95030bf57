import { getPrisma, type Prisma } from "@/lib/db";
import { composePortfolioModel, type PortfolioEntryInput, type PortfolioModel } from "@/lib/reports/portfolio-model";
import { isServiceError } from "../errors";
import { domainOrigin } from "../scans/scan-target";
import { buildReportModel } from "./build-report-model";

/**
 * A portfolio report from the database: each domain's composed current state (the same model a one-domain
 * report of it would have), cut down and ranked. Org-scoped: ids of other organizations' (or deleted) domains
 * are left out; a domain with no finished scan is listed as such.
 */
export async function buildPortfolioModel(input: { orgId: string; domainIds: readonly string[]; title: string; now?: Date }, prisma?: Prisma): Promise<PortfolioModel> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const domains = await db.domain.findMany({ where: { id: { in: [...input.domainIds] }, organizationId: input.orgId }, select: { id: true, host: true, scheme: true } });
  const byId = new Map(domains.map((d) => [d.id, d]));
  const entries: PortfolioEntryInput[] = [];
  for (const id of input.domainIds) {
    const d = byId.get(id);
    if (!d) continue;
    const target = domainOrigin(d);
    try {
      const model = await buildReportModel({ orgId: input.orgId, domainId: d.id, now }, db);
      entries.push({ domainId: d.id, host: d.host, target, model });
    } catch (err) {
      // No finished scan yet: the domain still has its line in the portfolio.
      if (isServiceError(err) && err.code === "conflict") entries.push({ domainId: d.id, host: d.host, target, model: null });
      else throw err;
    }
  }
  return composePortfolioModel({ title: input.title, generatedAt: now, entries });
}
