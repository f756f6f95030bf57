import { getPrisma, type Prisma } from "@/lib/db";
import { parseStorageRef, storageFor } from "@/lib/storage";

/**
 * Deletes the files of expired exports and forgets where they were (the export row stays, answering 410, so
 * the Reports tab still lists it as expired). Batched; a storage error leaves the row for the next run.
 */
export async function purgeExpiredExports(input: { now?: Date; batch?: number } = {}, prisma?: Prisma): Promise<{ deleted: number }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const batch = input.batch ?? 200;
  let deleted = 0;
  for (;;) {
    const rows = await db.reportExport.findMany({
      where: { expiresAt: { lte: now }, storageKey: { not: null } },
      select: { id: true, storageKey: true },
      orderBy: { expiresAt: "asc" },
      take: batch,
    });
    if (rows.length === 0) break;
    let progressed = 0;
    for (const row of rows) {
      const ref = parseStorageRef(row.storageKey ?? "");
      try {
        if (ref) await (await storageFor(ref.kind)).delete(ref.key);
      } catch (err) {
        console.error(`[reports] could not delete the file of export ${row.id}:`, (err as Error).message);
        continue;
      }
      await db.reportExport.update({ where: { id: row.id }, data: { storageKey: null, content: null } });
      deleted += 1;
      progressed += 1;
    }
    if (progressed === 0 || rows.length < batch) break;
  }
  return { deleted };
}
