import { getPrisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/http/pagination";

/** The organization's domains, newest first. */
export async function listDomains(orgId: string, page: { limit: number; cursor?: string }) {
  const db = await getPrisma();
  const q = pageQuery(page);
  const rows = await db.domain.findMany({ where: { organizationId: orgId, ...q.where }, orderBy: q.orderBy, take: q.take });
  return pageOf(rows, page.limit);
}
