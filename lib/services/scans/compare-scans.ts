import { getPrisma, type Prisma } from "@/lib/db";
import type { Finding, Scan } from "@/generated/prisma/client";
import type { Pillar } from "@/lib/scanner/types";
import { PILLARS } from "@/lib/scanner/types";
import { ServiceError } from "../errors";
import { getScanRowOrThrow } from "./get-scan";

export const COMPARE_FINDINGS_LIMIT = 500;

export interface ScoreDelta {
  base: number | null;
  target: number | null;
  /** target - base; null unless both scans scored it */
  delta: number | null;
}

export interface ScanComparison {
  /** the older of the two scans */
  base: Scan;
  /** the newer of the two scans */
  target: Scan;
  overall: ScoreDelta;
  pillars: Partial<Record<Pillar, ScoreDelta>>;
  /** seen by the newer scan, not by the older one */
  added: Finding[];
  /** seen by the older scan on a pillar the newer one also covered, not by the newer one */
  fixed: Finding[];
  /** seen by both */
  unchanged: Finding[];
}

function scoresOf(scan: Scan): Partial<Record<Pillar, number>> {
  const v = scan.scores;
  if (!v || typeof v !== "object" || Array.isArray(v)) return {};
  const out: Partial<Record<Pillar, number>> = {};
  for (const p of PILLARS) {
    const n = (v as Record<string, unknown>)[p];
    if (typeof n === "number") out[p] = n;
  }
  return out;
}

function delta(base: number | null | undefined, target: number | null | undefined): ScoreDelta {
  const b = typeof base === "number" ? base : null;
  const t = typeof target === "number" ? target : null;
  return { base: b, target: t, delta: b !== null && t !== null ? t - b : null };
}

/**
 * Compares two finished scans of the same domain, whichever order they are given in: the older is the base.
 * New, fixed and unchanged findings come from the findings each scan saw (its occurrences); a pillar the
 * newer scan did not cover cannot have fixed anything. Org-scoped: another organization's scan is not_found.
 */
export async function compareScans(input: { orgId: string; scanA: string; scanB: string }, prisma?: Prisma): Promise<ScanComparison> {
  const db = prisma ?? (await getPrisma());
  const a = await getScanRowOrThrow({ orgId: input.orgId, scanId: input.scanA }, db);
  const b = await getScanRowOrThrow({ orgId: input.orgId, scanId: input.scanB }, db);
  if (a.id === b.id) throw new ServiceError("invalid_params", "Choose two different scans to compare.");
  if (a.domainId !== b.domainId) throw new ServiceError("invalid_params", "Both scans must be of the same domain.");
  for (const s of [a, b]) {
    if (s.status !== "succeeded") throw new ServiceError("conflict", `Scan ${s.id} has not finished successfully (${s.status}); only finished scans can be compared.`);
  }
  const [base, target] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
  const where = { organizationId: input.orgId, domainId: base.domainId };
  const order = [{ severity: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
  const [added, fixed, unchanged] = await Promise.all([
    db.finding.findMany({ where: { ...where, occurrences: { some: { scanId: target.id }, none: { scanId: base.id } } }, orderBy: order, take: COMPARE_FINDINGS_LIMIT }),
    db.finding.findMany({ where: { ...where, pillar: { in: target.pillars }, occurrences: { some: { scanId: base.id }, none: { scanId: target.id } } }, orderBy: order, take: COMPARE_FINDINGS_LIMIT }),
    db.finding.findMany({ where: { ...where, AND: [{ occurrences: { some: { scanId: base.id } } }, { occurrences: { some: { scanId: target.id } } }] }, orderBy: order, take: COMPARE_FINDINGS_LIMIT }),
  ]);
  const bs = scoresOf(base);
  const ts = scoresOf(target);
  const pillars: Partial<Record<Pillar, ScoreDelta>> = {};
  for (const p of PILLARS) if (bs[p] !== undefined || ts[p] !== undefined) pillars[p] = delta(bs[p], ts[p]);
  return { base, target, overall: delta(base.score, target.score), pillars, added, fixed, unchanged };
}
