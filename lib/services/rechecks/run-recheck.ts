import { getPrisma, type Prisma } from "@/lib/db";
import { recheckRule } from "@/lib/scanner/recheck";
import { scanBrowserRegistry } from "../scans/browser-registry";
import { domainOrigin, scanTargetPolicy } from "../scans/scan-target";
import { failRecheck } from "./fail-recheck";
import { settleRecheck, type SettledRecheck } from "./settle-recheck";

const MAX_PAGES = 50;

/**
 * The browser half of a re-check: loads the pages of the finding's instances (at most 50) and runs only its
 * rule there (lib/scanner/recheck.ts, behind the same SSRF guard as scans), then settles the outcome. A check
 * that errored ends the re-check unsuccessfully and refunds it; an unreachable site throws (the job retries,
 * then its failure handler refunds).
 */
export async function runRecheck(input: { verificationId: string }, prisma?: Prisma): Promise<SettledRecheck> {
  const db = prisma ?? (await getPrisma());
  const v = await db.verification.findUniqueOrThrow({
    where: { id: input.verificationId },
    include: { finding: { include: { domain: true } } },
  });
  if (v.status !== "running") return { settled: false, status: "error", passed: 0, failed: 0 };
  const instances = await db.findingInstance.findMany({ where: { findingId: v.findingId }, select: { url: true }, orderBy: { lastSeenAt: "desc" } });
  const urls = [...new Set(instances.length > 0 ? instances.map((i) => i.url) : v.finding.urls.length > 0 ? v.finding.urls : [v.finding.url])].slice(0, MAX_PAGES);
  const result = await recheckRule(
    { url: domainOrigin(v.finding.domain), ...scanTargetPolicy(), browserRegistry: scanBrowserRegistry() },
    v.rule ?? v.finding.rule,
    urls,
  );
  if (result.outcome === "error") {
    await failRecheck({ verificationId: v.id, error: `The check failed to run: ${result.error ?? "unknown error"}` }, db);
    return { settled: true, status: "error", passed: 0, failed: 0 };
  }
  return settleRecheck({ verificationId: v.id, result }, db);
}
