import type { Organization } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";

/** The caller's organization. */
export async function getOrganization(input: { orgId: string }, prisma?: Prisma): Promise<Organization> {
  const db = prisma ?? (await getPrisma());
  const org = await db.organization.findUnique({ where: { id: input.orgId } });
  if (!org) throw new ServiceError("not_found", "Organization not found.");
  return org;
}
