import type { Prisma } from "@/lib/db";

/**
 * Drops the per-page rows, per-scan occurrence rows and third-party inventories of scans finished before `before`. The scans
 * themselves stay (scores, grades and trends are built from them), and so do the details of each domain's
 * latest finished scan, which the domain page shows however old it is.
 */
export async function purgeOldScanDetails(prisma: Prisma, input: { before: Date }): Promise<{ pages: number; occurrences: number }> {
  const old = (alias: string) => `
    SELECT s."id" FROM "Scan" s
    WHERE s."finishedAt" < $1
      AND s."id" <> (
        SELECT l."id" FROM "Scan" l
        WHERE l."domainId" = s."domainId" AND l."finishedAt" IS NOT NULL
        ORDER BY l."finishedAt" DESC, l."id" DESC LIMIT 1
      )
      AND ${alias}."scanId" = s."id"`;
  const pages = await prisma.$executeRawUnsafe(`DELETE FROM "ScanPage" p WHERE EXISTS (${old("p")})`, input.before);
  const occurrences = await prisma.$executeRawUnsafe(`DELETE FROM "FindingOccurrence" o WHERE EXISTS (${old("o")})`, input.before);
  await prisma.$executeRawUnsafe(`DELETE FROM "ScanThirdParty" t WHERE EXISTS (${old("t")})`, input.before);
  return { pages, occurrences };
}
