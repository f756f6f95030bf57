import type { Prisma } from "@/lib/db";

/**
 * Deletes audit events older than `before`, except the ones that justify a decision still in force: an
 * accepted risk or a false positive must keep the record of who decided it and why for as long as it stands.
 */
export async function purgeOldAuditEvents(prisma: Prisma, input: { before: Date }): Promise<{ deleted: number }> {
  const deleted = await prisma.$executeRaw`
    DELETE FROM "AuditEvent" a
    WHERE a."createdAt" < ${input.before}
      AND NOT (
        a."targetType" = 'finding' AND EXISTS (
          SELECT 1 FROM "Finding" f
          WHERE f."organizationId" = a."organizationId"
            AND f."status" IN ('accepted_risk', 'false_positive')
            AND (f."id" = a."targetId" OR (jsonb_typeof(a."metadata" -> 'ids') = 'array' AND (a."metadata" -> 'ids') ? f."id"))
        )
      )`;
  return { deleted };
}
