import { getPrisma, type Prisma } from "@/lib/db";

/** pending → running (guarded); a re-check that already ended is not run again. */
export async function markRecheckRunning(input: { verificationId: string; now?: Date }, prisma?: Prisma): Promise<{ proceed: boolean }> {
  const db = prisma ?? (await getPrisma());
  await db.verification.updateMany({ where: { id: input.verificationId, status: "pending" }, data: { status: "running", startedAt: input.now ?? new Date() } });
  const v = await db.verification.findUnique({ where: { id: input.verificationId }, select: { status: true } });
  return { proceed: v?.status === "running" };
}
