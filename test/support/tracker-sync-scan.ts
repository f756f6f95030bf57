// What the tracker sync tests (GitHub, GitLab) scan: one page of shop.example with security findings whose evidence
// carries markup and mentions, recorded and settled through the real services.
import type { Prisma } from "@/lib/db";
import type { Finding, ScanResult } from "@/lib/scanner/types";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { settleScan } from "@/lib/services/scans/settle-scan";
import type { SeededTenant } from "@/test/services/seed";

export const SYNC_ORIGIN = "https://shop.example";

/** A high security finding; `evidence`/`selector` let each provider's test plant its own hostile text. */
export function syncFinding(fingerprint: string, hostile: { evidence: string; selector: string }, over: Partial<Finding> = {}): Finding {
  return {
    pillar: "security", rule: `rule-${fingerprint}`, severity: "high", title: `Problem ${fingerprint}`, description: "Something is wrong.",
    url: `${SYNC_ORIGIN}/`, urls: [`${SYNC_ORIGIN}/`], ...hostile, fix: "Fix it.", fingerprint, ...over,
  };
}

function syncResult(findings: Finding[]): ScanResult {
  const now = new Date().toISOString();
  return { target: SYNC_ORIGIN, started_at: now, finished_at: now, pages: [{ url: `${SYNC_ORIGIN}/`, status: 200 }], scores: { security: 70 }, score: 70, grade: "C", security_grade: "C", findings, checks: [], timings: {} };
}

/** A security scan of the tenant's domain that finds exactly `findings`, recorded and settled. */
export async function runSyncScan(prisma: Prisma, t: SeededTenant, findings: Finding[]) {
  const { scan } = await prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["security"] }));
  await markScanRunning({ scanId: scan.id }, prisma);
  await prisma.scanPage.create({ data: { scanId: scan.id, url: `${SYNC_ORIGIN}/`, outcome: "pending" } });
  const recorded = await recordScanResults({ scanId: scan.id, result: syncResult(findings) }, prisma);
  const settled = await settleScan({ scanId: scan.id }, prisma);
  return { scanId: scan.id, recorded, settled };
}
