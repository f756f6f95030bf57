import { getPrisma, type Prisma } from "@/lib/db";
import { fromRow, type ScanAnalysisResult } from "./analysis-row";

/** The stored analysis of a scan, if any (the scan page shows it without asking again). */
export async function getStoredScanAnalysis(input: { orgId: string; scanId: string }, prisma?: Prisma): Promise<ScanAnalysisResult | null> {
  const db = prisma ?? (await getPrisma());
  const row = await db.scanAnalysis.findFirst({ where: { scanId: input.scanId, organizationId: input.orgId } });
  return row ? fromRow(row, true, 0) : null;
}
