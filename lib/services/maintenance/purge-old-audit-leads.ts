import type { Prisma } from "@/lib/db";

/** Self-audit submissions are sales leads with an e-mail address: kept only as long as configured. */
export async function purgeOldAuditLeads(prisma: Prisma, input: { before: Date }): Promise<{ deleted: number }> {
  const { count } = await prisma.auditLead.deleteMany({ where: { createdAt: { lt: input.before } } });
  return { deleted: count };
}
