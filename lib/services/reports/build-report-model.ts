import type { Finding, FindingInstance, ScanPage } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { composeReportModel, type ReportInputs } from "@/lib/reports/compose-model";
import type { ReportFinding, ReportModel, ReportPage } from "@/lib/reports/model";
import { gradeFromScore } from "@/lib/scanner/scores";
import { PILLARS, type Pillar } from "@/lib/scanner/types";
import { asSecurityTests, gradeCap, scoreOf } from "../domain-result/compose";
import { getDomainWithResult } from "../domain-result/get-domain-with-result";
import { listDomainResultTrend } from "../domain-result/list-domain-result-trend";
import { ServiceError } from "../errors";
import { getScanRowOrThrow } from "../scans/get-scan";
import { domainOrigin } from "../scans/scan-target";
import { severityCounts } from "../scans/scan-status";

/** Instances listed per finding (the scanner keeps at most 500 per finding anyway). */
export const REPORT_INSTANCES_PER_FINDING = 500;
// A domain's current state: what still needs deciding or fixing, plus accepted risks (they cap the grade).
const CURRENT_STATUSES = ["open", "in_progress", "accepted_risk"] as const;

export type ReportSubject = { scanId: string; domainId?: undefined } | { domainId: string; scanId?: undefined };

/**
 * The report model of one scan, or of a domain's composed current state (lib/services/domain-result), from
 * the database. Org-scoped: another organization's scan or domain is not found.
 */
export async function buildReportModel(
  input: { orgId: string; title?: string; now?: Date } & ReportSubject,
  prisma?: Prisma,
): Promise<ReportModel> {
  const db = prisma ?? (await getPrisma());
  const inputs = input.scanId !== undefined ? await scanInputs(db, { ...input, scanId: input.scanId }) : await domainInputs(db, { ...input, domainId: input.domainId });
  return composeReportModel(inputs);
}

function toReportFinding(f: Finding, instances: FindingInstance[]): ReportFinding {
  return {
    id: f.id,
    fingerprint: f.fingerprint,
    pillar: f.pillar,
    rule: f.rule,
    severity: f.severity,
    status: f.status,
    title: f.title,
    description: f.description,
    fix: f.fix,
    evidence: f.evidence,
    url: f.url,
    pages_count: f.pagesCount || new Set(f.urls).size,
    instances_count: Math.max(f.instancesCount, instances.length),
    first_seen_at: f.firstSeenAt.toISOString(),
    last_seen_at: f.lastSeenAt.toISOString(),
    instances:
      instances.length > 0
        ? instances.map((i) => ({ url: i.url, selector: i.selector || null, asset: i.asset || null, snippet: i.snippet }))
        : f.urls.map((url) => ({ url, selector: f.selector, asset: null, snippet: null })),
  };
}

async function findingsWithInstances(db: Prisma, findings: Finding[]): Promise<ReportFinding[]> {
  const ids = findings.map((f) => f.id);
  const byFinding = new Map<string, FindingInstance[]>();
  // Batches keep each IN list reasonable on big scans.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.findingInstance.findMany({
      where: { findingId: { in: ids.slice(i, i + 500) } },
      orderBy: [{ findingId: "asc" }, { url: "asc" }, { selector: "asc" }, { asset: "asc" }],
    });
    for (const r of rows) {
      const list = byFinding.get(r.findingId) ?? [];
      if (list.length < REPORT_INSTANCES_PER_FINDING) list.push(r);
      byFinding.set(r.findingId, list);
    }
  }
  return findings.map((f) => toReportFinding(f, byFinding.get(f.id) ?? []));
}

function toReportPage(p: ScanPage): ReportPage {
  return {
    url: p.url,
    status: p.status,
    error: p.outcome === "ok" ? null : (p.error ?? p.outcome),
    title: p.title,
    performance_score: p.perfScore,
    ttfb_ms: p.ttfbMs,
    fcp_ms: p.fcpMs,
    lcp_ms: p.lcpMs,
    tbt_ms: p.tbtMs,
    cls: p.cls,
    bytes: p.bytes,
    requests: p.requests,
  };
}

async function pagesOf(db: Prisma, scanId: string | null): Promise<ReportPage[]> {
  if (!scanId) return [];
  const rows = await db.scanPage.findMany({ where: { scanId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toReportPage);
}

async function scanInputs(db: Prisma, input: { orgId: string; scanId: string; title?: string; now?: Date }): Promise<ReportInputs> {
  const scan = await getScanRowOrThrow({ orgId: input.orgId, scanId: input.scanId }, db);
  if (scan.status !== "succeeded") throw new ServiceError("conflict", "Only a finished scan can be reported.", { status: scan.status });
  const domain = await db.domain.findFirstOrThrow({ where: { id: scan.domainId, organizationId: input.orgId } });
  const findings = await db.finding.findMany({
    where: { organizationId: input.orgId, domainId: domain.id, occurrences: { some: { scanId: scan.id } } },
    orderBy: [{ id: "asc" }],
  });
  const previous = await db.scan.findFirst({
    where: { domainId: domain.id, status: "succeeded", finishedAt: { lt: scan.finishedAt ?? scan.createdAt }, id: { not: scan.id } },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    select: { scores: true },
  });
  const trend = (await listDomainResultTrend({ orgId: input.orgId, domainId: domain.id }, db)).filter(
    (p) => !scan.finishedAt || p.finishedAt <= scan.finishedAt,
  );
  const scoreGrade = scan.score === null ? null : gradeFromScore(scan.score);
  const covered = new Set<Pillar>(scan.pillars);
  const finished = scan.finishedAt;
  return {
    generatedAt: input.now ?? new Date(),
    title: input.title ?? `Website audit of ${domain.host}`,
    target: domainOrigin(domain),
    source: { kind: "scan", scan_id: scan.id, domain_id: domain.id },
    grade: scan.grade,
    score: scan.score,
    scoreGrade,
    gradeCap: gradeCap(severityCounts(scan.summary), scoreGrade),
    securityGrade: scan.securityGrade,
    pillars: PILLARS.map((pillar) => {
      const score = scoreOf(scan.scores, pillar);
      return { pillar, state: !covered.has(pillar) ? "not_scanned" : score === null ? "not_applicable" : "scored", score, scannedAt: covered.has(pillar) ? finished : null };
    }),
    previousScores: previous ? scoresRecord(previous.scores) : null,
    trend: trend.map((p) => ({ at: p.finishedAt, score: p.score, grade: p.grade, scanId: p.scanId })),
    findings: await findingsWithInstances(db, findings),
    securityTests: asSecurityTests(scan.securityTests),
    pages: await pagesOf(db, scan.id),
    method: {
      pillars: PILLARS.filter((p) => covered.has(p)),
      max_pages: scan.maxPages,
      started_at: scan.startedAt?.toISOString() ?? null,
      finished_at: scan.finishedAt?.toISOString() ?? null,
      duration_ms: scan.durationMs,
      trigger: scan.trigger,
      scans: [{ id: scan.id, finished_at: scan.finishedAt?.toISOString() ?? null, pillars: PILLARS.filter((p) => covered.has(p)) }],
    },
  };
}

function scoresRecord(scores: unknown): Partial<Record<Pillar, number>> {
  const out: Partial<Record<Pillar, number>> = {};
  for (const p of PILLARS) {
    const s = scoreOf(scores, p);
    if (s !== null) out[p] = s;
  }
  return out;
}

async function domainInputs(db: Prisma, input: { orgId: string; domainId: string; title?: string; now?: Date }): Promise<ReportInputs> {
  const { domain, result } = await getDomainWithResult({ orgId: input.orgId, domainId: input.domainId }, db);
  if (!result.lastScanId) throw new ServiceError("conflict", "This domain has no finished scan to report yet.");
  const findings = await db.finding.findMany({
    where: { organizationId: input.orgId, domainId: domain.id, status: { in: [...CURRENT_STATUSES] } },
    orderBy: [{ id: "asc" }],
  });
  const trend = await listDomainResultTrend({ orgId: input.orgId, domainId: domain.id }, db);
  const previousPoint = trend.length >= 2 ? trend[trend.length - 2] : null;
  // Web vitals and per-page metrics come from the scan the performance pillar is composed from.
  const pageScanId = result.pillars.performance.scanId ?? result.lastScanId;
  const scanIds = [...new Set(PILLARS.map((p) => result.pillars[p].scanId).filter((id): id is string => id !== null))];
  const scans = await db.scan.findMany({
    where: { id: { in: scanIds }, organizationId: input.orgId },
    select: { id: true, finishedAt: true, pillars: true, maxPages: true, startedAt: true, durationMs: true, trigger: true },
    orderBy: [{ finishedAt: "asc" }, { id: "asc" }],
  });
  const composedFrom = (id: string) => PILLARS.filter((p) => result.pillars[p].scanId === id);
  const first = scans[0];
  const last = scans.at(-1);
  return {
    generatedAt: input.now ?? new Date(),
    title: input.title ?? `Website audit of ${domain.host}`,
    target: domainOrigin(domain),
    source: { kind: "domain", scan_id: null, domain_id: domain.id },
    grade: result.grade,
    score: result.score,
    scoreGrade: result.scoreGrade,
    gradeCap: result.cap,
    securityGrade: result.securityGrade,
    pillars: PILLARS.map((pillar) => {
      const p = result.pillars[pillar];
      return { pillar, state: p.state === "never_scanned" ? "not_scanned" : p.state, score: p.score, scannedAt: p.scannedAt };
    }),
    previousScores: previousPoint ? previousPoint.scores : null,
    trend: trend.map((p) => ({ at: p.finishedAt, score: p.score, grade: p.grade, scanId: p.scanId })),
    findings: await findingsWithInstances(db, findings),
    securityTests: result.securityTests,
    pages: await pagesOf(db, pageScanId),
    method: {
      pillars: PILLARS.filter((p) => result.pillars[p].state !== "never_scanned"),
      max_pages: domain.pageCount,
      started_at: first?.startedAt?.toISOString() ?? null,
      finished_at: last?.finishedAt?.toISOString() ?? null,
      duration_ms: null,
      trigger: null,
      scans: scans.map((s) => ({ id: s.id, finished_at: s.finishedAt?.toISOString() ?? null, pillars: composedFrom(s.id) })),
      notes: [
        "Composed current state: each pillar comes from the latest scan that covered it; findings are those open, in progress or accepted as a risk.",
      ],
    },
  };
}
