import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/http/pagination";
import { findingFilters } from "../findings/list-findings";
import { presentFinding, type FindingJson } from "../findings/present-finding";

/**
 * Findings that came back after being resolved and are not resolved again (regression=true), newest first
 * by the finding's creation (the cursor order); regressed_at and regression_count tell when and how often.
 */
export async function listRegressions(
  input: { orgId: string; limit: number; cursor?: string; domainId?: string },
  prisma?: Prisma,
): Promise<{ items: FindingJson[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  const page = pageQuery(input);
  const rows = await db.finding.findMany({
    ...page,
    where: { AND: [...findingFilters({ orgId: input.orgId, domainId: input.domainId, regression: true }), page.where] },
  });
  const { items, nextCursor } = pageOf(rows, input.limit);
  return { items: items.map(presentFinding), nextCursor };
}
