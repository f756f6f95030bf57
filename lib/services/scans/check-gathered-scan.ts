import { getPrisma, type Prisma } from "@/lib/db";
import { checkGatheredPages } from "@/lib/scanner";
import type { DeviceName } from "@/lib/scanner/devices";
import type { PageArtifacts } from "@/lib/scanner/types";
import { isScanStillRunning } from "./mark-scan-running";
import { recordScanResults, type RecordedScan } from "./record-scan-results";
import { scanTargetPolicy, domainOrigin } from "./scan-target";
import { watchForCancel } from "./watch-for-cancel";
import { asTimings } from "./timings";
import { decodePageArtifacts } from "./page-artifact-codec";
import { listScanPageOrder } from "./list-scan-page-order";
import { gatherScanBatch } from "./gather-scan-batch";
import { scanOptionsForDomain } from "../scan-settings/scan-options-for-domain";

export type GatherOutcome = ({ stopped: false } & RecordedScan) | { stopped: true };

/**
 * Check stage, after the page batches (gather-scan-batch.ts): reads every page's saved artifacts, runs the
 * site probes, the checks and the scores over all of them at once (site-wide rules need every page), records
 * the results and deletes the artifacts. A page with no readable artifacts (a batch size changed mid-scan, a
 * worker on another Node version) is gathered here first. Re-running it converges like recordScanResults.
 */
export async function checkGatheredScan(input: { scanId: string }, prisma?: Prisma): Promise<GatherOutcome> {
  const db = prisma ?? (await getPrisma());
  if (!(await isScanStillRunning(input, db))) return { stopped: true };
  const scan = await db.scan.findUniqueOrThrow({ where: { id: input.scanId }, include: { domain: true } });

  const pages = await readGathered(scan.id, db);
  if (pages.missing.length > 0) {
    await db.scanPageArtifact.deleteMany({ where: { scanPageId: { in: pages.missing } } });
    const caughtUp = await gatherScanBatch({ scanId: scan.id, offset: 0, limit: pages.urls.length }, db);
    if (caughtUp.stopped) return { stopped: true };
  }
  const { urls, artifacts, devicePages } = pages.missing.length > 0 ? await readGathered(scan.id, db) : pages;

  const watch = watchForCancel(scan.id, db);
  try {
    const timings = asTimings(scan.timings);
    const result = await checkGatheredPages(
      {
        url: domainOrigin(scan.domain),
        pillars: scan.pillars,
        ...(await scanOptionsForDomain(db, { orgId: scan.organizationId, domainId: scan.domainId })),
        consent: scan.consent,
        devices: scan.devices,
        ...scanTargetPolicy(),
        signal: watch.signal,
      },
      urls,
      artifacts,
      {
        launchMs: timings.launchMs ?? 0,
        gatherMs: timings.gatherMs ?? 0,
        ...(timings.deviceGatherMs !== undefined ? { deviceGatherMs: timings.deviceGatherMs } : {}),
        ...(timings.consentMs !== undefined ? { consentMs: timings.consentMs } : {}),
      },
      devicePages,
    );
    if (watch.signal.aborted || !(await isScanStillRunning(input, db))) return { stopped: true };
    const recorded = await recordScanResults({ scanId: scan.id, result }, db);
    await db.scanPageArtifact.deleteMany({ where: { scanId: scan.id } });
    return { stopped: false, ...recorded };
  } catch (err) {
    if (watch.signal.aborted) return { stopped: true };
    throw err;
  } finally {
    watch.stop();
  }
}

async function readGathered(
  scanId: string,
  db: Prisma,
): Promise<{ urls: string[]; artifacts: PageArtifacts[]; devicePages: { device: DeviceName; pages: PageArtifacts[] }[]; missing: string[] }> {
  const order = await listScanPageOrder({ scanId }, db);
  if (order.length === 0) throw new Error("The crawl found no page to scan.");
  const rows = await db.scanPageArtifact.findMany({ where: { scanId }, select: { scanPageId: true, data: true } });
  const byId = new Map(rows.map((r) => [r.scanPageId, r.data]));
  const artifacts: PageArtifacts[] = [];
  const byDevice = new Map<DeviceName, PageArtifacts[]>();
  const missing: string[] = [];
  for (const p of order) {
    const data = byId.get(p.id);
    const gathered = data ? decodePageArtifacts(data) : null;
    if (!gathered) {
      missing.push(p.id);
      continue;
    }
    artifacts.push(gathered.page);
    for (const d of gathered.devices) byDevice.set(d.device, [...(byDevice.get(d.device) ?? []), d.page]);
  }
  return { urls: order.map((p) => p.url), artifacts, devicePages: [...byDevice].map(([device, pages]) => ({ device, pages })), missing };
}
