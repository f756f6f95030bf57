import { getPrisma, type Prisma } from "@/lib/db";
import type { ScanResult } from "@/lib/scanner/types";
import { upsertScanFindings } from "../findings/upsert-scan-findings";
import { asTimings } from "./timings";
import { emptySeverityCounts } from "./scan-status";
import { normalizePageUrl } from "./scan-target";

const MAX_PAGE_ERROR = 1_000;

export interface RecordedScan {
  findings: number;
  created: number;
  regressed: number;
  pagesOk: number;
  pagesFailed: number;
  /** rules whose check threw: their old findings must not be resolved by this scan */
  erroredRules: string[];
}

/**
 * Persists what the engine returned for a scan: page outcomes, findings (by fingerprint) and occurrences,
 * pillar scores, grades and the severity summary. Re-running it with the same result converges.
 */
export async function recordScanResults(
  input: { scanId: string; result: ScanResult; now?: Date },
  prisma?: Prisma,
): Promise<RecordedScan> {
  const db = prisma ?? (await getPrisma());
  const scan = await db.scan.findUniqueOrThrow({ where: { id: input.scanId } });
  const { result } = input;

  let pagesOk = 0;
  let pagesFailed = 0;
  for (const page of result.pages) {
    const ok = !page.error && page.status !== null && page.status < 400;
    if (ok) pagesOk++;
    else pagesFailed++;
    const data = {
      status: page.status,
      outcome: ok ? "ok" : "error",
      error: page.error ? page.error.slice(0, MAX_PAGE_ERROR) : page.status !== null && page.status >= 400 ? `HTTP ${page.status}` : null,
    };
    await db.scanPage.upsert({
      where: { scanId_url: { scanId: scan.id, url: normalizePageUrl(page.url) } },
      create: { scanId: scan.id, url: normalizePageUrl(page.url), ...data },
      update: data,
    });
  }

  const upserted = await upsertScanFindings(db, {
    orgId: scan.organizationId,
    domainId: scan.domainId,
    scanId: scan.id,
    findings: result.findings,
    now: input.now,
  });
  const summary = emptySeverityCounts();
  for (const f of upserted) summary[f.severity] += 1;

  const pagesTotal = await db.scanPage.count({ where: { scanId: scan.id } });
  await db.scan.update({
    where: { id: scan.id },
    data: {
      scores: result.scores,
      score: Math.round(result.score),
      grade: result.grade,
      securityGrade: result.security_grade ?? null,
      summary,
      pagesTotal,
      pagesDone: pagesOk + pagesFailed,
      timings: { ...asTimings(scan.timings), ...asTimings(result.timings) },
    },
  });

  return {
    findings: upserted.length,
    created: upserted.filter((f) => f.created).length,
    regressed: upserted.filter((f) => f.regressed).length,
    pagesOk,
    pagesFailed,
    erroredRules: [...new Set(result.checks.filter((c) => c.outcome === "error").map((c) => c.rule))],
  };
}
