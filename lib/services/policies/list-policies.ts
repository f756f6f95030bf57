import type { Policy } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";

/** Every policy of the organization in evaluation order (position, then age). Organizations hold few. */
export async function listPolicies(input: { orgId: string; kind?: "gate" | "automation" }, prisma?: Prisma): Promise<Policy[]> {
  const db = prisma ?? (await getPrisma());
  return db.policy.findMany({
    where: { organizationId: input.orgId, ...(input.kind ? { kind: input.kind } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
}
