import { getPrisma, type Prisma } from "@/lib/db";
import type { ScanStatus } from "./scan-status";
import { signalScanChanged } from "./scan-signals";

/**
 * queued -> running. Returns proceed=false when the scan was canceled (or otherwise ended) before the job
 * got to it. Safe to repeat: a scan already running proceeds.
 */
export async function markScanRunning(
  input: { scanId: string; now?: Date },
  prisma?: Prisma,
): Promise<{ proceed: boolean; status: ScanStatus }> {
  const db = prisma ?? (await getPrisma());
  const moved = await db.scan.updateMany({
    where: { id: input.scanId, status: "queued" },
    data: { status: "running", startedAt: input.now ?? new Date() },
  });
  if (moved.count > 0) await signalScanChanged(input, db);
  const scan = await db.scan.findUnique({ where: { id: input.scanId }, select: { status: true } });
  if (!scan) return { proceed: false, status: "failed" };
  return { proceed: scan.status === "running", status: scan.status };
}

/** Stages call this before and during their work so a cancel stops the job. */
export async function isScanStillRunning(input: { scanId: string }, prisma?: Prisma): Promise<boolean> {
  const db = prisma ?? (await getPrisma());
  const scan = await db.scan.findUnique({ where: { id: input.scanId }, select: { status: true } });
  return scan?.status === "running";
}
