import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { flushOutbox } from "@/lib/jobs/outbox";
import type { Severity } from "@/lib/scanner/types";
import { appUrl } from "../mail/app-url";
import { emitAlert } from "./emit-alert";

// Best first, as lib/scanner/scores.ts grades.
const GRADES = ["A+", "A", "B", "C", "D", "F"] as const;

/** Findings listed in one alert; the count says how many there were in all. */
const LISTED = 25;

function worst(severities: Severity[]): Severity | null {
  for (const s of ["critical", "high", "medium", "low", "info"] as const) if (severities.includes(s)) return s;
  return null;
}

/**
 * The alerts a settled scan raises, each keyed by the scan so a repeated step emits nothing new:
 * failed → scan.failed; succeeded → scan.finished (summary, gate verdicts), finding.new_high (critical/high
 * findings first seen by this scan), finding.regression (resolved findings seen again), grade.dropped
 * (worse grade than the domain's previous succeeded scan).
 */
export async function emitScanAlerts(input: { scanId: string; now?: Date }, prisma?: Prisma): Promise<{ emitted: number }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const scan = await db.scan.findUniqueOrThrow({
    where: { id: input.scanId },
    include: { domain: { select: { id: true, host: true, organization: { select: { slug: true } } } } },
  });
  if (scan.status !== "succeeded" && scan.status !== "failed") return { emitted: 0 };
  const base = { orgId: scan.organizationId, domainId: scan.domainId, now };
  const common = { scan_id: scan.id, domain_id: scan.domainId, host: scan.domain.host, url: appUrl(`/o/${scan.domain.organization.slug}/scans/${scan.id}`) };
  const emitted = await db.$transaction(async (tx) => {
    let n = 0;
    if (scan.status === "failed") {
      n += await emitAlert(tx, { ...base, trigger: "scan.failed", eventKey: `scan-failed:${scan.id}`, data: { ...common, error: scan.error ?? null } });
      return n;
    }
    const findingSelect = { id: true, title: true, rule: true, pillar: true, severity: true, url: true } as const;
    const summary = (scan.summary ?? {}) as Record<string, number>;
    const summarySeverity = worst((Object.keys(summary) as Severity[]).filter((k) => (summary[k] ?? 0) > 0));
    n += await emitAlert(tx, {
      ...base,
      trigger: "scan.finished",
      eventKey: `scan-finished:${scan.id}`,
      severity: summarySeverity,
      data: {
        ...common,
        status: scan.status,
        grade: scan.grade,
        score: scan.score,
        scores: (scan.scores ?? {}) as PrismaNS.InputJsonValue,
        summary: summary as PrismaNS.InputJsonValue,
        gates: (scan.gateResult ?? []) as PrismaNS.InputJsonValue,
        pages: scan.pagesDone,
        duration_ms: scan.durationMs,
        finished_at: scan.finishedAt?.toISOString() ?? null,
      },
    });
    const since = scan.startedAt ?? scan.createdAt;
    const newHigh = await tx.finding.findMany({
      where: { domainId: scan.domainId, lastScanId: scan.id, severity: { in: ["critical", "high"] }, firstSeenAt: { gte: since }, status: { in: ["open", "in_progress"] } },
      orderBy: [{ severity: "asc" }, { id: "asc" }],
      select: findingSelect,
    });
    if (newHigh.length > 0) {
      n += await emitAlert(tx, {
        ...base,
        trigger: "finding.new_high",
        eventKey: `new-high:${scan.id}`,
        severity: worst(newHigh.map((f) => f.severity as Severity)),
        data: { ...common, count: newHigh.length, findings: newHigh.slice(0, LISTED) },
      });
    }
    const regressed = await tx.finding.findMany({
      where: { domainId: scan.domainId, lastScanId: scan.id, regression: true, regressedAt: { gte: since } },
      orderBy: [{ severity: "asc" }, { id: "asc" }],
      select: findingSelect,
    });
    if (regressed.length > 0) {
      n += await emitAlert(tx, {
        ...base,
        trigger: "finding.regression",
        eventKey: `regression:${scan.id}`,
        severity: worst(regressed.map((f) => f.severity as Severity)),
        data: { ...common, count: regressed.length, findings: regressed.slice(0, LISTED) },
      });
    }
    const previous = await tx.scan.findFirst({
      where: { domainId: scan.domainId, status: "succeeded", id: { not: scan.id }, createdAt: { lt: scan.createdAt }, grade: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { id: true, grade: true },
    });
    const gi = (g: string | null) => (g ? GRADES.indexOf(g as (typeof GRADES)[number]) : -1);
    if (previous?.grade && scan.grade && gi(scan.grade) > gi(previous.grade) && gi(previous.grade) >= 0) {
      n += await emitAlert(tx, {
        ...base,
        trigger: "grade.dropped",
        eventKey: `grade-dropped:${scan.id}`,
        data: { ...common, grade: scan.grade, previous_grade: previous.grade, previous_scan_id: previous.id },
      });
    }
    return n;
  });
  if (emitted > 0) await flushOutbox();
  return { emitted };
}
