import { getPrisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";

/** The organization's keys, newest first, revoked ones included. Never selects the hash. */
export async function listApiKeys(input: { orgId: string; limit: number; cursor?: string }) {
  const db = await getPrisma();
  const page = { limit: input.limit, cursor: input.cursor };
  const q = pageQuery(page);
  const rows = await db.apiKey.findMany({
    where: { organizationId: input.orgId, ...q.where },
    orderBy: q.orderBy,
    take: q.take,
    omit: { hash: true },
  });
  return pageOf(rows, page.limit);
}
