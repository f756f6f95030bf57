import { flushOutbox } from "@/lib/jobs/outbox";
import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import type { ScanResult, Severity } from "@/lib/scanner/types";
import { upsertScanFindings } from "../findings/upsert-scan-findings";
import { recordScanThirdParties } from "../third-parties/record-scan-third-parties";
import { asTimings } from "./timings";
import { emptySeverityCounts } from "./scan-status";
import { normalizePageUrl } from "./scan-target";
import { signalScanChanged } from "./scan-signals";
import { capConsentReport } from "./consent-report";

const MAX_PAGE_ERROR = 1_000;

function int(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v);
}

/** For each page URL, how many of the scan's findings were seen on it, by severity. */
function severitiesByPage(result: ScanResult): Map<string, Record<Severity, number>> {
  const out = new Map<string, Record<Severity, number>>();
  for (const f of result.findings) {
    for (const url of new Set(f.urls.map(normalizePageUrl))) {
      const counts = out.get(url) ?? emptySeverityCounts();
      counts[f.severity] += 1;
      out.set(url, counts);
    }
  }
  return out;
}

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
  const perPage = severitiesByPage(result);
  const pageRows = new Map<string, Record<string, unknown>>();
  for (const page of result.pages) {
    const ok = !page.error && page.status !== null && page.status < 400;
    if (ok) pagesOk++;
    else pagesFailed++;
    const url = normalizePageUrl(page.url);
    const m = page.metrics;
    pageRows.set(url, {
      url,
      status: page.status,
      outcome: ok ? "ok" : "error",
      error: page.error ? page.error.slice(0, MAX_PAGE_ERROR) : page.status !== null && page.status >= 400 ? `HTTP ${page.status}` : null,
      title: page.title?.slice(0, 300) ?? null,
      loadMs: int(m?.load),
      bytes: int(m?.bytes),
      ttfbMs: int(m?.ttfb),
      fcpMs: int(m?.fcp),
      lcpMs: int(m?.lcp),
      tbtMs: int(m?.tbt),
      cls: m?.cls !== null && m?.cls !== undefined && Number.isFinite(m.cls) ? Math.round(m.cls * 10_000) / 10_000 : null,
      requests: int(m?.requests),
      perfScore: int(page.performance_score),
      robotsBlocked: page.robots_blocked === true,
      deviceMetrics: page.devices?.length ? page.devices : null,
      severities: perPage.get(url) ?? emptySeverityCounts(),
    });
  }
  // One statement for every page (a 200-page scan was 200 round trips).
  if (pageRows.size > 0) {
    const cols = ["status", "outcome", "error", "title", "loadMs", "bytes", "ttfbMs", "fcpMs", "lcpMs", "tbtMs", "cls", "requests", "perfScore", "robotsBlocked", "deviceMetrics", "severities"];
    const q = (c: string) => `"${c}"`;
    await db.$executeRawUnsafe(
      `INSERT INTO "ScanPage" ("id", "scanId", "url", ${cols.map(q).join(", ")})
       SELECT gen_random_uuid()::text, $1, x.url, ${cols.map((c) => `x.${q(c)}`).join(", ")}
         FROM jsonb_to_recordset($2::jsonb) AS x(url text, status int, outcome text, error text, title text, "loadMs" int,
           bytes int, "ttfbMs" int, "fcpMs" int, "lcpMs" int, "tbtMs" int, cls double precision, requests int,
           "perfScore" int, "robotsBlocked" boolean, "deviceMetrics" jsonb, severities jsonb)
       ON CONFLICT ("scanId", "url") DO UPDATE SET ${cols.map((c) => `${q(c)} = EXCLUDED.${q(c)}`).join(", ")}`,
      scan.id,
      JSON.stringify([...pageRows.values()]),
    );
  }

  if (result.third_parties) await recordScanThirdParties(db, { orgId: scan.organizationId, scanId: scan.id, hosts: result.third_parties });

  const upserted = await upsertScanFindings(db, {
    orgId: scan.organizationId,
    domainId: scan.domainId,
    scanId: scan.id,
    findings: result.findings,
    now: input.now,
  });
  // Findings reopened after a close upstream queued an integration sync in those writes.
  await flushOutbox();
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
      // The table behind the security grade, so the result page can say why (lib/scanner/scores.ts).
      ...(result.security_tests ? { securityTests: JSON.parse(JSON.stringify(result.security_tests)) as PrismaNS.InputJsonValue } : {}),
      summary,
      pagesTotal,
      pagesDone: pagesOk + pagesFailed,
      timings: { ...asTimings(scan.timings), ...asTimings(result.timings) },
      ...(result.consent ? { consentReport: capConsentReport(result.consent) as unknown as PrismaNS.InputJsonValue } : {}),
    },
  });
  await signalScanChanged({ scanId: scan.id }, db);

  return {
    findings: upserted.length,
    created: upserted.filter((f) => f.created).length,
    regressed: upserted.filter((f) => f.regressed).length,
    pagesOk,
    pagesFailed,
    erroredRules: [...new Set(result.checks.filter((c) => c.outcome === "error").map((c) => c.rule))],
  };
}
