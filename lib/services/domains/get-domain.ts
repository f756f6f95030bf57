import { getPrisma } from "@/lib/db";
import { ServiceError } from "../errors";

/** A domain of the organization; another organization's id is "not found", exactly like a missing one. */
export async function getDomainOrThrow(input: { orgId: string; domainId: string }) {
  const db = await getPrisma();
  const domain = await db.domain.findFirst({ where: { id: input.domainId, organizationId: input.orgId } });
  if (!domain) throw new ServiceError("not_found", "Domain not found.");
  return domain;
}
