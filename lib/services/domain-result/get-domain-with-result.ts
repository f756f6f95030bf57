import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import type { DomainResult } from "./compose";
import { loadDomainResult } from "./load-domain-results";

/** An organization's domain with its composed result; another organization's id is "not found". */
export async function getDomainWithResult(input: { orgId: string; domainId: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const domain = await db.domain.findFirst({ where: { id: input.domainId, organizationId: input.orgId } });
  if (!domain) throw new ServiceError("not_found", "Domain not found.");
  const result: DomainResult | null = await loadDomainResult({ orgId: input.orgId, domainId: domain.id }, db);
  if (!result) throw new ServiceError("not_found", "Domain not found.");
  return { domain, result };
}
