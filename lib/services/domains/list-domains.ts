import { getPrisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";

/** The organization's domains, newest first. */
export async function listDomains(input: { orgId: string; limit: number; cursor?: string }) {
  const db = await getPrisma();
  const page = { limit: input.limit, cursor: input.cursor };
  const q = pageQuery(page);
  const rows = await db.domain.findMany({ where: { organizationId: input.orgId, ...q.where }, orderBy: q.orderBy, take: q.take });
  return pageOf(rows, page.limit);
}
