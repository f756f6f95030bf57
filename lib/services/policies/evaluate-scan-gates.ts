import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import type { Severity } from "@/lib/scanner/types";
import { evaluateGate, gateRulesSchema } from "./policy-rules";

export interface GateVerdict {
  policy_id: string;
  name: string;
  passed: boolean;
  reasons: string[];
}

/** The findings a gate counts for a scan: seen by it and still a problem (not accepted, not false positive). */
export async function countingFindingsOfScan(db: Prisma | PrismaNS.TransactionClient, input: { domainId: string; scanId: string }) {
  const rows = await db.finding.findMany({
    where: { domainId: input.domainId, lastScanId: input.scanId, status: { in: ["open", "in_progress"] } },
    select: { severity: true, rule: true },
  });
  return rows.map((r) => ({ severity: r.severity as Severity, rule: r.rule }));
}

/**
 * Evaluates the organization's enabled gates (its own and the domain's) on a settled scan and stores the
 * verdicts on the scan (`gateResult`), shown on the result page and in `GET /scans/{id}`. Runs after the
 * automation policies, so a risk they accepted no longer fails a gate. Idempotent.
 */
export async function evaluateScanGates(input: { scanId: string }, prisma?: Prisma): Promise<{ evaluated: number; failed: number }> {
  const db = prisma ?? (await getPrisma());
  const scan = await db.scan.findUniqueOrThrow({ where: { id: input.scanId }, select: { id: true, organizationId: true, domainId: true, status: true, score: true, scores: true } });
  if (scan.status !== "succeeded") return { evaluated: 0, failed: 0 };
  const policies = await db.policy.findMany({
    where: { organizationId: scan.organizationId, kind: "gate", enabled: true, OR: [{ domainId: null }, { domainId: scan.domainId }] },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const findings = await countingFindingsOfScan(db, { domainId: scan.domainId, scanId: scan.id });
  const verdicts: GateVerdict[] = [];
  for (const p of policies) {
    const rules = gateRulesSchema.safeParse(p.rules);
    if (!rules.success) continue;
    const v = evaluateGate(rules.data, { findings, score: scan.score, scores: (scan.scores ?? {}) as Record<string, number> });
    verdicts.push({ policy_id: p.id, name: p.name, passed: v.passed, reasons: v.reasons });
  }
  await db.scan.update({ where: { id: scan.id }, data: { gateResult: verdicts.length > 0 ? (verdicts as unknown as PrismaNS.InputJsonValue) : undefined } });
  return { evaluated: verdicts.length, failed: verdicts.filter((v) => !v.passed).length };
}
