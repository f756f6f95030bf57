import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";
import type { Pillar, Severity } from "@/lib/scanner/types";
import type { Finding } from "@/generated/prisma/client";
import type { FindingStatus } from "./finding-status";

export interface ListFindingsInput {
  orgId: string;
  limit: number;
  cursor?: string;
  domainId?: string;
  scanId?: string;
  pillar?: Pillar;
  severity?: Severity;
  /** one status or several (any of them) */
  status?: FindingStatus | readonly FindingStatus[];
  regression?: boolean;
  /** case-insensitive text search over title, rule, URL and the pages of its instances */
  q?: string;
  /** case-insensitive: findings with an instance (or first URL) on a page whose URL contains this */
  url?: string;
}

function statusFilter(status: ListFindingsInput["status"]): PrismaNS.FindingWhereInput {
  if (status === undefined) return {};
  if (typeof status === "string") return { status };
  const list = [...new Set(status)];
  if (list.length === 0) return {};
  return list.length === 1 ? { status: list[0] } : { status: { in: list } };
}

export function findingFilters(input: Omit<ListFindingsInput, "limit" | "cursor">): PrismaNS.FindingWhereInput[] {
  const q = input.q?.trim();
  const url = input.url?.trim();
  return [
    { organizationId: input.orgId },
    input.domainId ? { domainId: input.domainId } : {},
    input.scanId ? { occurrences: { some: { scanId: input.scanId } } } : {},
    input.pillar ? { pillar: input.pillar } : {},
    input.severity ? { severity: input.severity } : {},
    statusFilter(input.status),
    input.regression !== undefined ? { regression: input.regression } : {},
    q
      ? {
          OR: [
            { title: { contains: q, mode: "insensitive" as const } },
            { rule: { contains: q, mode: "insensitive" as const } },
            { url: { contains: q, mode: "insensitive" as const } },
            { instances: { some: { url: { contains: q, mode: "insensitive" as const } } } },
          ],
        }
      : {},
    url
      ? {
          OR: [
            { url: { contains: url, mode: "insensitive" as const } },
            { instances: { some: { url: { contains: url, mode: "insensitive" as const } } } },
          ],
        }
      : {},
  ];
}

export async function listFindings(
  input: ListFindingsInput,
  prisma?: Prisma,
): Promise<{ items: Finding[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  const page = pageQuery(input);
  const rows = await db.finding.findMany({ ...page, where: { AND: [...findingFilters(input), page.where] } });
  return pageOf(rows, input.limit);
}

/** How many findings match the filters (the triage table's total). */
export async function countFindings(input: Omit<ListFindingsInput, "limit" | "cursor">, prisma?: Prisma): Promise<number> {
  const db = prisma ?? (await getPrisma());
  return db.finding.count({ where: { AND: findingFilters(input) } });
}
