import type { Prisma } from "@/lib/db";

/**
 * Deletes e-mail (encrypted bodies, addresses) sent or given up on before `before`. Queued mail stays: it is
 * still to be sent, or waits for an owner at Settings → Mail when SMTP is not set.
 */
export async function purgeOldMail(prisma: Prisma, input: { before: Date }): Promise<{ deleted: number }> {
  const { count } = await prisma.mailMessage.deleteMany({ where: { status: { in: ["sent", "failed"] }, updatedAt: { lt: input.before } } });
  return { deleted: count };
}
