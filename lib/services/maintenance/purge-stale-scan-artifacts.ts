import { getPrisma, type Prisma } from "@/lib/db";

/**
 * Deletes page artifacts (ScanPageArtifact) nothing will read: those of scans no longer queued or running
 * (a scan that failed or was canceled between its page batches and its check step), and any older than a day
 * (no scan step waits that long). A finished scan's check step already deleted its own.
 */
export async function purgeStaleScanArtifacts(input: { now?: Date }, prisma?: Prisma): Promise<{ deleted: number }> {
  const db = prisma ?? (await getPrisma());
  const dayAgo = new Date((input.now ?? new Date()).getTime() - 24 * 3600_000);
  const deleted = await db.$executeRaw`
    DELETE FROM "ScanPageArtifact" a
    USING "Scan" s
    WHERE a."scanId" = s."id" AND (s."status" NOT IN ('queued', 'running') OR a."createdAt" < ${dayAgo})`;
  return { deleted };
}
