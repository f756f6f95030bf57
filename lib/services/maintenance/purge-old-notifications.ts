import type { Prisma } from "@/lib/db";

/**
 * Deletes in-app notifications created before `before`, read or not. A due-date reminder of a task still not
 * done stays: its (user, dedupe key) row is what stops the hourly reminder job from sending it again.
 */
export async function purgeOldNotifications(prisma: Prisma, input: { before: Date }): Promise<{ deleted: number }> {
  const deleted = await prisma.$executeRaw`
    DELETE FROM "Notification" n
    WHERE n."createdAt" < ${input.before}
      AND NOT (
        n."dedupeKey" IS NOT NULL AND n."taskId" IS NOT NULL AND EXISTS (
          SELECT 1 FROM "Task" t WHERE t."id" = n."taskId" AND t."status" <> 'done'
        )
      )`;
  return { deleted };
}
