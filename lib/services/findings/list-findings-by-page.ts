import type { Finding } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { findingFilters, type ListFindingsInput } from "./list-findings";
import { bySeverity } from "./finding-status";

export const BY_PAGE_MAX_INSTANCES = 2_000;

/**
 * The matching findings grouped by the page they were seen on (a finding on six pages appears under each),
 * pages in URL order, findings worst first. Bounded: at most `maxPages` pages from the first
 * BY_PAGE_MAX_INSTANCES instances; `truncated` says when there is more.
 */
export async function listFindingsByPage(
  input: Omit<ListFindingsInput, "limit" | "cursor"> & { maxPages: number },
  prisma?: Prisma,
): Promise<{ pages: { url: string; findings: Finding[] }[]; truncated: boolean }> {
  const db = prisma ?? (await getPrisma());
  const rows = await db.findingInstance.findMany({
    where: { finding: { AND: findingFilters(input) } },
    orderBy: [{ url: "asc" }, { id: "asc" }],
    take: BY_PAGE_MAX_INSTANCES + 1,
    select: { url: true, finding: true },
  });
  const truncated = rows.length > BY_PAGE_MAX_INSTANCES;
  const byUrl = new Map<string, Map<string, Finding>>();
  for (const r of rows.slice(0, BY_PAGE_MAX_INSTANCES)) {
    const m = byUrl.get(r.url) ?? new Map<string, Finding>();
    m.set(r.finding.id, r.finding);
    byUrl.set(r.url, m);
  }
  const pages = [...byUrl.entries()].map(([url, m]) => ({ url, findings: [...m.values()].sort(bySeverity) }));
  return { pages: pages.slice(0, input.maxPages), truncated: truncated || pages.length > input.maxPages };
}
