import { getPrisma, type Prisma } from "@/lib/db";
import { gatherArtifacts } from "@/lib/scanner";
import type { ScanProgress } from "@/lib/scanner/types";
import { scanBrowserRegistry } from "./browser-registry";
import { isScanStillRunning } from "./mark-scan-running";
import { scanTargetPolicy, domainOrigin } from "./scan-target";
import { applyProgress, parseLiveState, type LiveState } from "./live-progress";
import { watchForCancel } from "./watch-for-cancel";
import { signalScanChanged } from "./scan-signals";
import { asTimings } from "./timings";
import { encodePageArtifacts } from "./page-artifact-codec";
import { listScanPageOrder } from "./list-scan-page-order";
import { scanOptionsForDomain } from "../scan-settings/scan-options-for-domain";

export type GatherBatchOutcome = { stopped: true } | { stopped: false; loaded: number; pagesGathered: number; pagesTotal: number };

/**
 * One page batch of the gather stage: loads the pages at [offset, offset + limit) of the scan's page list
 * (list-scan-page-order.ts) in the browser and saves what it gathered per page (ScanPageArtifact), for the
 * check stage (check-gathered-scan.ts). Pages whose artifacts are already saved are not loaded again, so a
 * batch that runs twice (a crash, a lost memo) or overlaps another loads each page once.
 *
 * The batch is one unit: its pages are saved together when the browser is done. A cancel aborts it.
 */
export async function gatherScanBatch(
  input: { scanId: string; offset: number; limit: number },
  prisma?: Prisma,
): Promise<GatherBatchOutcome> {
  const db = prisma ?? (await getPrisma());
  if (!(await isScanStillRunning(input, db))) return { stopped: true };
  const scan = await db.scan.findUniqueOrThrow({ where: { id: input.scanId }, include: { domain: true } });
  const all = await listScanPageOrder({ scanId: scan.id }, db);
  if (all.length === 0) throw new Error("The crawl found no page to scan.");
  const batch = all.slice(Math.max(0, input.offset), Math.max(0, input.offset) + Math.max(1, input.limit));
  const todo = batch.filter((p) => !p.gathered);
  const before = all.filter((p) => p.gathered).length;
  if (todo.length === 0) return { stopped: false, loaded: 0, pagesGathered: before, pagesTotal: all.length };

  const watch = watchForCancel(scan.id, db);
  let writes: Promise<unknown> = Promise.resolve();
  // Live progress carries on from the batches before (their previewed findings stay); nothing is loading yet.
  let live: LiveState = { ...parseLiveState(scan.live), loading: [] };
  const onProgress = (p: ScanProgress) => {
    const next = applyProgress(live, p);
    if (next === live && p.event !== "end") return;
    live = next;
    const snapshot = live;
    const pagesDone = Math.min(before + p.pagesDone, all.length);
    // Chained so the counter never goes backwards; a failed progress write must not fail the scan.
    writes = writes
      .then(() =>
        db.scan
          .updateMany({ where: { id: scan.id, status: "running" }, data: { pagesDone, live: snapshot } })
          .then(() => signalScanChanged({ scanId: scan.id }, db)),
      )
      .catch(() => undefined);
  };

  try {
    const { artifacts, timings } = await gatherArtifacts(
      {
        url: domainOrigin(scan.domain),
        pillars: scan.pillars,
        // Sizes the engine's time limit to this batch, not to the whole scan.
        maxPages: todo.length,
        ...(await scanOptionsForDomain(db, { orgId: scan.organizationId, domainId: scan.domainId })),
        consent: scan.consent,
        devices: scan.devices,
        ...scanTargetPolicy(),
        signal: watch.signal,
        onProgress,
        browserRegistry: scanBrowserRegistry(),
      },
      todo.map((p) => p.url),
      undefined,
      // Loading every page of the scan at once (a scan that fits in one batch) fails at once when none
      // loads, as before batching; otherwise the check stage decides that over all the scan's pages.
      { siteProbes: false, allowNoneLoaded: todo.length < all.length },
    );
    await writes;
    if (watch.signal.aborted || !(await isScanStillRunning(input, db))) return { stopped: true };
    const idByUrl = new Map(todo.map((p) => [p.url, p.id]));
    // Each page travels with its loads as the scan's other devices, so the check stage sees every device.
    const deviceLoads = (artifacts.devicePages ?? []).map((d) => ({ device: d.device, byUrl: new Map(d.pages.map((p) => [p.url, p])) }));
    const rows = artifacts.pages.flatMap((page) => {
      const scanPageId = idByUrl.get(page.url);
      const devices = deviceLoads.flatMap((d) => {
        const other = d.byUrl.get(page.url);
        return other ? [{ device: d.device, page: other }] : [];
      });
      return scanPageId ? [{ scanPageId, scanId: scan.id, data: encodePageArtifacts(page, devices) }] : [];
    });
    const fresh = await db.scan.findUniqueOrThrow({ where: { id: scan.id }, select: { timings: true } });
    const sum = asTimings(fresh.timings);
    await db.$transaction([
      db.scanPageArtifact.createMany({ data: rows, skipDuplicates: true }),
      db.scan.updateMany({
        where: { id: scan.id, status: "running" },
        data: {
          pagesDone: Math.min(before + rows.length, all.length),
          live: { ...live, loading: [] },
          // Summed over the batches: the browser start-ups and the page loads.
          timings: {
            ...sum,
            launchMs: (sum.launchMs ?? 0) + (timings.launchMs ?? 0),
            gatherMs: (sum.gatherMs ?? 0) + (timings.gatherMs ?? 0),
            ...(timings.deviceGatherMs !== undefined ? { deviceGatherMs: (sum.deviceGatherMs ?? 0) + timings.deviceGatherMs } : {}),
            ...(timings.consentMs !== undefined ? { consentMs: (sum.consentMs ?? 0) + timings.consentMs } : {}),
          },
        },
      }),
    ]);
    await signalScanChanged({ scanId: scan.id }, db);
    return { stopped: false, loaded: rows.length, pagesGathered: before + rows.length, pagesTotal: all.length };
  } catch (err) {
    await writes;
    if (watch.signal.aborted) return { stopped: true };
    throw err;
  } finally {
    watch.stop();
  }
}
