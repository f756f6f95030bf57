import { getPrisma, type Prisma } from "@/lib/db";
import { discoverPages } from "@/lib/scanner";
import { scanTargetPolicy, domainOrigin, normalizePageUrl } from "./scan-target";
import { isScanStillRunning } from "./mark-scan-running";
import { watchForCancel } from "./watch-for-cancel";
import { asTimings } from "./timings";
import { signalScanChanged } from "./scan-signals";
import { scanOptionsForDomain } from "../scan-settings/scan-options-for-domain";

export const PAGE_PENDING = "pending";

/**
 * Crawl stage: finds the pages to scan (sitemap, then links, up to max_pages) and saves them as ScanPage
 * rows. Idempotent: a re-run returns the pages already saved.
 */
export async function crawlScan(
  input: { scanId: string },
  prisma?: Prisma,
): Promise<{ stopped: boolean; pagesTotal: number }> {
  const db = prisma ?? (await getPrisma());
  if (!(await isScanStillRunning(input, db))) return { stopped: true, pagesTotal: 0 };
  // A re-run after a crash keeps the page list the first run saved (one createMany, so all or nothing):
  // crawling again could pick other pages and push the scan past max_pages.
  const saved = await db.scanPage.count({ where: { scanId: input.scanId } });
  if (saved > 0) return { stopped: false, pagesTotal: saved };
  const scan = await db.scan.findUniqueOrThrow({ where: { id: input.scanId }, include: { domain: true } });
  const startedAt = Date.now();
  const watch = watchForCancel(scan.id, db);
  let urls: string[];
  try {
    urls = await discoverPages({
      url: domainOrigin(scan.domain),
      pillars: scan.pillars,
      maxPages: scan.maxPages,
      // Robots rules, patterns, depth and the sign-in (run here for the crawl, again by the gather stage).
      ...(await scanOptionsForDomain(db, { orgId: scan.organizationId, domainId: scan.domainId })),
      ...scanTargetPolicy(),
      signal: watch.signal,
    });
  } catch (err) {
    if (watch.signal.aborted) return { stopped: true, pagesTotal: 0 };
    throw err;
  } finally {
    watch.stop();
  }
  const unique = [...new Set(urls.map(normalizePageUrl))].slice(0, scan.maxPages);
  await db.scanPage.createMany({
    data: unique.map((url) => ({ scanId: scan.id, url, outcome: PAGE_PENDING })),
    skipDuplicates: true,
  });
  const pagesTotal = await db.scanPage.count({ where: { scanId: scan.id } });
  await db.scan.update({
    where: { id: scan.id },
    data: { pagesTotal, timings: { ...asTimings(scan.timings), crawl: Date.now() - startedAt } },
  });
  await signalScanChanged({ scanId: scan.id }, db);
  return { stopped: false, pagesTotal };
}
