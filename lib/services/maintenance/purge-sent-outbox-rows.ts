import type { Prisma } from "@/lib/db";

/**
 * Deletes job-outbox rows sent before `before`. Unsent rows are work still to do and always stay. Every key is
 * made of a row id (scan, mail, delivery…), so no job asks for the same key again once its row is this old.
 */
export async function purgeSentOutboxRows(prisma: Prisma, input: { before: Date }): Promise<{ deleted: number }> {
  const { count } = await prisma.jobOutbox.deleteMany({ where: { sentAt: { not: null, lt: input.before } } });
  return { deleted: count };
}
