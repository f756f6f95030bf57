import type { Policy } from "@/generated/prisma/client";
import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { ServiceError } from "../errors";

/** One policy of the organization; another organization's id is not found. */
export async function getPolicy(input: { orgId: string; policyId: string }, prisma?: Prisma | PrismaNS.TransactionClient): Promise<Policy> {
  const db = prisma ?? (await getPrisma());
  const p = await db.policy.findFirst({ where: { id: input.policyId, organizationId: input.orgId } });
  if (!p) throw new ServiceError("not_found", "Policy not found.");
  return p;
}
