import { getPrisma, type Prisma } from "@/lib/db";

/** Counts a view of a shared report (after any password), atomically. */
export async function recordShareView(input: { linkId: string; now?: Date }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  await db.shareLink.update({ where: { id: input.linkId }, data: { viewCount: { increment: 1 }, lastViewedAt: input.now ?? new Date() } });
}
