import { getPrisma, type Prisma } from "@/lib/db";
import { resolveUnseenFindings } from "../findings/resolve-unseen-findings";
import { asTimings } from "./timings";
import type { ScanStatus } from "./scan-status";

export interface SettledScan {
  settled: boolean;
  status: ScanStatus;
  resolved: number;
  regressions: number;
}

/**
 * Last stage: resolves findings this scan no longer saw, counts regressions, charges the reservation,
 * updates the domain's last score and marks the scan succeeded — one transaction, guarded on
 * status=running so a cancel that landed first wins and a repeated step changes nothing.
 */
export async function settleScan(
  input: { scanId: string; erroredRules?: string[]; now?: Date },
  prisma?: Prisma,
): Promise<SettledScan> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const scan = await tx.scan.findUniqueOrThrow({ where: { id: input.scanId } });
      const moved = await tx.scan.updateMany({
        where: { id: scan.id, status: "running" },
        data: {
          status: "succeeded",
          creditsCharged: scan.creditsReserved,
          finishedAt: now,
          durationMs: scan.startedAt ? now.getTime() - scan.startedAt.getTime() : null,
          timings: { ...asTimings(scan.timings), total: scan.startedAt ? now.getTime() - scan.startedAt.getTime() : 0 },
        },
      });
      if (moved.count === 0) return { settled: false, status: scan.status, resolved: 0, regressions: 0 };
      const resolved = await resolveUnseenFindings(tx, {
        scanId: scan.id,
        domainId: scan.domainId,
        pillars: scan.pillars,
        erroredRules: input.erroredRules ?? [],
        now,
      });
      const regressions = await tx.finding.count({
        where: { domainId: scan.domainId, lastScanId: scan.id, regression: true, regressedAt: { gte: scan.startedAt ?? scan.createdAt } },
      });
      await tx.domain.update({
        where: { id: scan.domainId },
        data: { lastScanId: scan.id, lastScore: scan.score, lastGrade: scan.grade },
      });
      return { settled: true, status: "succeeded" as const, resolved: resolved.length, regressions };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
