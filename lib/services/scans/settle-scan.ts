import { getPrisma, type Prisma } from "@/lib/db";
import { resolveUnseenFindings } from "../findings/resolve-unseen-findings";
import { completeTasksOfResolvedFindings } from "../tasks/complete-tasks-of-resolved-findings";
import { loadDomainResult } from "../domain-result/load-domain-results";
import { bumpDomainResultVersion } from "../domain-result/result-version";
import { asTimings } from "./timings";
import type { ScanStatus } from "./scan-status";
import { signalScanChanged } from "./scan-signals";

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
  const settled = await db.$transaction(
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
      await signalScanChanged({ scanId: scan.id }, tx); // delivered at commit
      const resolved = await resolveUnseenFindings(tx, {
        scanId: scan.id,
        domainId: scan.domainId,
        pillars: scan.pillars,
        erroredRules: input.erroredRules ?? [],
        now,
      });
      await completeTasksOfResolvedFindings(tx, { findingIds: resolved, how: "scan", now });
      const regressions = await tx.finding.count({
        where: { domainId: scan.domainId, lastScanId: scan.id, regression: true, regressedAt: { gte: scan.startedAt ?? scan.createdAt } },
      });
      // The domain's columns keep a copy of its composed result (a 2-pillar scan must not replace the other
      // five); everything public reads the composition itself (lib/services/domain-result).
      const composed = await loadDomainResult({ orgId: scan.organizationId, domainId: scan.domainId }, tx);
      await tx.domain.update({
        where: { id: scan.domainId },
        data: { lastScanId: composed?.lastScanId ?? scan.id, lastScore: composed?.score ?? null, lastGrade: composed?.grade ?? null },
      });
      return { settled: true, status: "succeeded" as const, resolved: resolved.length, regressions };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  if (settled.settled) bumpDomainResultVersion();
  return settled;
}
