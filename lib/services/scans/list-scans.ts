import type { Scan } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";
import type { ScanStatus } from "./scan-status";

export interface ListScansInput {
  orgId: string;
  limit: number;
  cursor?: string;
  domainId?: string;
  status?: ScanStatus;
}

/** Newest first, keyset-paginated, always scoped to the organization. */
export async function listScans(input: ListScansInput, prisma?: Prisma): Promise<{ items: Scan[]; nextCursor: string | null }> {
  const db = prisma ?? (await getPrisma());
  const page = pageQuery(input);
  const rows = await db.scan.findMany({
    ...page,
    where: {
      AND: [
        { organizationId: input.orgId },
        input.domainId ? { domainId: input.domainId } : {},
        input.status ? { status: input.status } : {},
        page.where,
      ],
    },
  });
  return pageOf(rows, input.limit);
}
