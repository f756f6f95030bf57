import { getPrisma, type Prisma } from "@/lib/db";

export const DIRECTORY_LIMIT = 200;

/**
 * The public directory: verified domains whose organization opted in (directoryEnabled). Public by design,
 * so it selects only what the listing shows — never tokens, findings or the organization's own records.
 */
export async function listDirectoryDomains(prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  return db.domain.findMany({
    where: { directoryEnabled: true, verifiedAt: { not: null } },
    orderBy: [{ lastScore: { sort: "desc", nulls: "last" } }, { host: "asc" }],
    take: DIRECTORY_LIMIT,
    select: { id: true, host: true, scheme: true, organizationName: true, description: true, lastGrade: true, lastScore: true },
  });
}

export type DirectoryDomain = Awaited<ReturnType<typeof listDirectoryDomains>>[number];
