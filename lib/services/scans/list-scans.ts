import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/http/pagination";
import { presentScan, type ScanJson, type ScanStatus } from "./present-scan";

export interface ListScansInput {
  orgId: string;
  limit: number;
  cursor?: string;
  domainId?: string;
  status?: ScanStatus;
}

/** Newest first, keyset-paginated, always scoped to the organization. */
export async function listScans(input: ListScansInput, prisma?: Prisma): Promise<{ items: ScanJson[]; nextCursor: string | null }> {
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
  const { items, nextCursor } = pageOf(rows, input.limit);
  return { items: items.map((s) => presentScan(s)), nextCursor };
}
