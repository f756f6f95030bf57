import { getPrisma, type Prisma } from "@/lib/db";
import { discoverPages } from "@/lib/scanner";
import { allowPrivateTargets, domainOrigin, normalizePageUrl } from "./scan-target";
import { isScanStillRunning } from "./mark-scan-running";
import { watchForCancel } from "./watch-for-cancel";
import { asTimings } from "./timings";

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
      allowPrivate: allowPrivateTargets(),
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
  return { stopped: false, pagesTotal };
}
