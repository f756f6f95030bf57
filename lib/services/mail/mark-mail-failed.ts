import { getPrisma, type Prisma } from "@/lib/db";

/** Gives up on a message (its job failed for good): failed, with the last error, and no longer swept. */
export async function markMailFailed(input: { mailId: string; error: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  await db.mailMessage.updateMany({
    where: { id: input.mailId, status: "queued" },
    data: { status: "failed", lastError: input.error.slice(0, 1000), lockedUntil: null },
  });
}
