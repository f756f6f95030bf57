import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import type { Finding } from "@/generated/prisma/client";

export async function getFindingRowOrThrow(input: { orgId: string; findingId: string }, prisma?: Prisma): Promise<Finding> {
  const db = prisma ?? (await getPrisma());
  const finding = await db.finding.findFirst({ where: { id: input.findingId, organizationId: input.orgId } });
  if (!finding) throw new ServiceError("not_found", "Finding not found.");
  return finding;
}

export async function getFinding(input: { orgId: string; findingId: string }, prisma?: Prisma): Promise<Finding> {
  return getFindingRowOrThrow(input, prisma);
}
