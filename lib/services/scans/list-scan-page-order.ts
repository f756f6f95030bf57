import type { Prisma } from "@/lib/db";

export interface OrderedScanPage {
  id: string;
  url: string;
  gathered: boolean;
}

/**
 * A scan's pages in the crawl's order (createdAt, then the cuid, which grows within one createMany), with
 * whether a gather batch already saved the page's artifacts. The batches slice this list by offset, so it
 * must be the same on every call and in every process.
 */
export async function listScanPageOrder(input: { scanId: string }, db: Prisma): Promise<OrderedScanPage[]> {
  const pages = await db.scanPage.findMany({
    where: { scanId: input.scanId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, url: true, artifact: { select: { scanPageId: true } } },
  });
  return pages.map((p) => ({ id: p.id, url: p.url, gathered: p.artifact !== null }));
}
