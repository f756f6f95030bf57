import type { Prisma } from "@/lib/db";

/**
 * Drops the instances (page, element, snippet) of closed findings — resolved or marked false positive — that
 * no scan has seen since `before`. The findings themselves stay, with their history and stored counts; open,
 * in-progress and accepted-risk findings keep every instance (an accepted risk is a decision in force, and its
 * instances are what it accepted).
 */
export async function purgeOldFindingInstances(prisma: Prisma, input: { before: Date }): Promise<{ deleted: number }> {
  const deleted = await prisma.$executeRaw`
    DELETE FROM "FindingInstance" i
    USING "Finding" f
    WHERE i."findingId" = f."id"
      AND i."lastSeenAt" < ${input.before}
      AND f."status" IN ('resolved', 'false_positive')`;
  return { deleted };
}
