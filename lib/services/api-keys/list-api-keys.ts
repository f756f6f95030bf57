import { getPrisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/http/pagination";

/** The organization's keys, newest first, revoked ones included. Never selects the hash. */
export async function listApiKeys(orgId: string, page: { limit: number; cursor?: string }) {
  const db = await getPrisma();
  const q = pageQuery(page);
  const rows = await db.apiKey.findMany({
    where: { organizationId: orgId, ...q.where },
    orderBy: q.orderBy,
    take: q.take,
    omit: { hash: true },
  });
  return pageOf(rows, page.limit);
}
