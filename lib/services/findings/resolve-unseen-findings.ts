import type { PrismaNS } from "@/lib/db";
import { allChecks } from "@/lib/scanner/checks";
import type { Pillar } from "@/lib/scanner/types";
import { normalizePageUrl } from "../scans/scan-target";

const siteScopedRules = new Set(allChecks.filter((c) => c.scope === "site").map((c) => c.rule));

/**
 * Resolves the domain's open/in-progress findings that a finished scan looked for and did not see.
 * A finding counts as re-checked only if the scan covered its pillar, its rule's check did not error, and
 * either every page it was seen on loaded fine in this scan (page checks) or the site was reachable
 * (site checks: robots.txt, headers, probes run once per scan). A page the scan didn't reach keeps its
 * findings open. accepted_risk and false_positive are people's decisions and are never touched.
 */
export async function resolveUnseenFindings(
  tx: PrismaNS.TransactionClient,
  input: { scanId: string; domainId: string; pillars: Pillar[]; erroredRules: string[]; now: Date },
): Promise<string[]> {
  const okPages = new Set(
    (await tx.scanPage.findMany({ where: { scanId: input.scanId, outcome: "ok" }, select: { url: true } })).map((p) =>
      normalizePageUrl(p.url),
    ),
  );
  if (okPages.size === 0) return [];
  const candidates = await tx.finding.findMany({
    where: {
      domainId: input.domainId,
      status: { in: ["open", "in_progress"] },
      pillar: { in: input.pillars },
      rule: { notIn: input.erroredRules },
      occurrences: { none: { scanId: input.scanId } },
    },
    select: { id: true, rule: true, urls: true, url: true },
  });
  const covered = candidates.filter((f) => {
    if (siteScopedRules.has(f.rule)) return true;
    const urls = f.urls.length > 0 ? f.urls : [f.url];
    return urls.every((u) => okPages.has(normalizePageUrl(u)));
  });
  if (covered.length === 0) return [];
  const ids = covered.map((f) => f.id);
  // Guarded on the status again: a person may have triaged one in the meantime.
  await tx.finding.updateMany({
    where: { id: { in: ids }, status: { in: ["open", "in_progress"] } },
    data: { status: "resolved", resolvedAt: input.now, resolution: "scan", regression: false },
  });
  return ids;
}
