import { getPrisma, type Prisma } from "@/lib/db";
import { scanPages } from "@/lib/scanner";
import type { ScanProgress } from "@/lib/scanner/types";
import { isScanStillRunning } from "./mark-scan-running";
import { recordScanResults, type RecordedScan } from "./record-scan-results";
import { allowPrivateTargets, domainOrigin } from "./scan-target";
import { watchForCancel } from "./watch-for-cancel";

export type GatherOutcome = ({ stopped: false } & RecordedScan) | { stopped: true };

/**
 * Gather + check stage: loads every saved page of the scan in the browser, runs the pillars' checks and
 * records the results. Progress (pages done) is written as pages finish, for GET /scans/{id} and SSE.
 * A cancel aborts the engine through its AbortSignal.
 */
export async function gatherScan(input: { scanId: string }, prisma?: Prisma): Promise<GatherOutcome> {
  const db = prisma ?? (await getPrisma());
  if (!(await isScanStillRunning(input, db))) return { stopped: true };
  const scan = await db.scan.findUniqueOrThrow({ where: { id: input.scanId }, include: { domain: true } });
  const pages = await db.scanPage.findMany({ where: { scanId: scan.id }, orderBy: { createdAt: "asc" }, select: { url: true } });
  if (pages.length === 0) throw new Error("The crawl found no page to scan.");

  const watch = watchForCancel(scan.id, db);
  let lastWritten = -1;
  let writes: Promise<unknown> = Promise.resolve();
  const onProgress = (p: ScanProgress) => {
    if (p.pagesDone === lastWritten) return;
    lastWritten = p.pagesDone;
    // Chained so the counter never goes backwards; a failed progress write must not fail the scan.
    writes = writes
      .then(() => db.scan.updateMany({ where: { id: scan.id, status: "running" }, data: { pagesDone: Math.min(p.pagesDone, pages.length) } }))
      .catch(() => undefined);
  };

  try {
    const result = await scanPages(
      {
        url: domainOrigin(scan.domain),
        pillars: scan.pillars,
        maxPages: scan.maxPages,
        allowPrivate: allowPrivateTargets(),
        signal: watch.signal,
        onProgress,
      },
      pages.map((p) => p.url),
    );
    await writes;
    if (watch.signal.aborted || !(await isScanStillRunning(input, db))) return { stopped: true };
    return { stopped: false, ...(await recordScanResults({ scanId: scan.id, result }, db)) };
  } catch (err) {
    await writes;
    if (watch.signal.aborted) return { stopped: true };
    throw err;
  } finally {
    watch.stop();
  }
}
