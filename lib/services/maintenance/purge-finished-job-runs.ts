import type { Prisma } from "@/lib/db";

/** Deletes embedded-engine run history (JobRun + its JobStep rows) finished more than `olderThanDays` ago. */
export async function purgeFinishedJobRuns(prisma: Prisma, opts: { olderThanDays?: number; now?: Date } = {}): Promise<{ deleted: number }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - (opts.olderThanDays ?? 30) * 24 * 60 * 60 * 1000);
  const { count } = await prisma.jobRun.deleteMany({ where: { status: { not: "running" }, finishedAt: { lt: cutoff } } });
  return { deleted: count };
}
