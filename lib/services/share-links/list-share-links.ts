import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";
import { toShareLinkView, type ShareLinkView } from "./share-link-row";

/** The organization's share links, newest first (revoked and expired included); `scanId` or `reportId` narrows. */
export async function listShareLinks(
  input: { orgId: string; scanId?: string; reportId?: string; limit?: number; cursor?: string; now?: Date },
  prisma?: Prisma,
): Promise<{ items: ShareLinkView[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  const limit = input.limit ?? 25;
  const q = pageQuery({ limit, cursor: input.cursor });
  const rows = await db.shareLink.findMany({
    where: { organizationId: input.orgId, ...(input.scanId ? { scanId: input.scanId } : {}), ...(input.reportId ? { reportId: input.reportId } : {}), ...q.where },
    include: { domain: { select: { host: true } } },
    orderBy: q.orderBy,
    take: q.take,
  });
  const page = pageOf(rows, limit);
  return { items: page.items.map((r) => toShareLinkView(r, input.now)), nextCursor: page.nextCursor };
}
