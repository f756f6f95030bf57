import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/http/pagination";
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
  status?: FindingStatus;
  regression?: boolean;
  /** case-insensitive text search over title, rule and URL */
  q?: string;
}

export function findingFilters(input: Omit<ListFindingsInput, "limit" | "cursor">): PrismaNS.FindingWhereInput[] {
  const q = input.q?.trim();
  return [
    { organizationId: input.orgId },
    input.domainId ? { domainId: input.domainId } : {},
    input.scanId ? { occurrences: { some: { scanId: input.scanId } } } : {},
    input.pillar ? { pillar: input.pillar } : {},
    input.severity ? { severity: input.severity } : {},
    input.status ? { status: input.status } : {},
    input.regression !== undefined ? { regression: input.regression } : {},
    q
      ? {
          OR: [
            { title: { contains: q, mode: "insensitive" as const } },
            { rule: { contains: q, mode: "insensitive" as const } },
            { url: { contains: q, mode: "insensitive" as const } },
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
