import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";
import { findingFilters } from "../findings/list-findings";
import type { Finding } from "@/generated/prisma/client";

/**
 * Findings that came back after being resolved and are not resolved again (regression=true), newest first
 * by the finding's creation (the cursor order); regressed_at and regression_count tell when and how often.
 */
export async function listRegressions(
  input: { orgId: string; limit: number; cursor?: string; domainId?: string },
  prisma?: Prisma,
): Promise<{ items: Finding[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  const page = pageQuery(input);
  const rows = await db.finding.findMany({
    ...page,
    where: { AND: [...findingFilters({ orgId: input.orgId, domainId: input.domainId, regression: true }), page.where] },
  });
  return pageOf(rows, input.limit);
}
