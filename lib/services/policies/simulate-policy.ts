import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { automationRulesSchema, evaluateGate, gateRulesSchema } from "./policy-rules";
import { loadPlanFindings } from "./load-plan-inputs";
import { planPolicyActions, type PlannedAction } from "./plan-policy-actions";
import type { PolicyKind } from "./policy-validation";
import { countingFindingsOfScan } from "./evaluate-scan-gates";

export interface PolicySimulation {
  kind: PolicyKind;
  /** automation: findings the draft would change; gate: domains whose latest scan would fail */
  matched: number;
  counts: Record<string, number>;
  skipped: { human_decision: number; no_change: number };
  rows: (PlannedAction & { title: string; rule: string; host: string })[];
  gates: { domainId: string; host: string; scanId: string; passed: boolean; reasons: string[] }[];
  truncated: boolean;
}

const ROWS = 100;

/**
 * What a draft policy would do to the organization's current findings, written nowhere. Automation: the
 * planner's actions over every finding not resolved (counts by action, the first 100 rows). Gate: the verdict
 * on each domain's latest succeeded scan.
 */
export async function simulatePolicy(
  input: { orgId: string; draft: { kind: PolicyKind; rules: unknown; domainId?: string | null }; now?: Date },
  prisma?: Prisma,
): Promise<PolicySimulation> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const domainId = input.draft.domainId ?? undefined;
  if (domainId) {
    const d = await db.domain.findFirst({ where: { id: domainId, organizationId: input.orgId }, select: { id: true } });
    if (!d) throw new ServiceError("invalid_params", "draft.domain_id: no such domain in this organization.", { issues: [{ path: ["draft", "domain_id"], message: "No such domain.", code: "custom" }] });
  }
  const base: PolicySimulation = { kind: input.draft.kind, matched: 0, counts: {}, skipped: { human_decision: 0, no_change: 0 }, rows: [], gates: [], truncated: false };
  if (input.draft.kind === "gate") {
    const rules = gateRulesSchema.safeParse(input.draft.rules);
    if (!rules.success) throw new ServiceError("invalid_params", `draft.rules: ${rules.error.issues[0].message}`, { issues: rules.error.issues.map((i) => ({ path: ["draft", "rules", ...i.path.map(String)], message: i.message, code: i.code })) });
    const domains = await db.domain.findMany({ where: { organizationId: input.orgId, ...(domainId ? { id: domainId } : {}) }, select: { id: true, host: true }, take: 500 });
    for (const d of domains) {
      const scan = await db.scan.findFirst({ where: { domainId: d.id, status: "succeeded" }, orderBy: { createdAt: "desc" }, select: { id: true, score: true, scores: true } });
      if (!scan) continue;
      const findings = await countingFindingsOfScan(db, { domainId: d.id, scanId: scan.id });
      const verdict = evaluateGate(rules.data, { findings, score: scan.score, scores: (scan.scores ?? {}) as Record<string, number> });
      base.gates.push({ domainId: d.id, host: d.host, scanId: scan.id, ...verdict });
    }
    base.matched = base.gates.filter((g) => !g.passed).length;
    base.counts = { failed: base.matched, passed: base.gates.length - base.matched };
    return base;
  }
  const rules = automationRulesSchema.safeParse(input.draft.rules);
  if (!rules.success) throw new ServiceError("invalid_params", `draft.rules: ${rules.error.issues[0].message}`, { issues: rules.error.issues.map((i) => ({ path: ["draft", "rules", ...i.path.map(String)], message: i.message, code: i.code })) });
  const findings = await loadPlanFindings(db, { organizationId: input.orgId, ...(domainId ? { domainId } : {}) }, 20_000);
  const plan = planPolicyActions(findings, [{ id: "draft", name: "draft", domainId: domainId ?? null, rules: rules.data }], now);
  const byId = new Map(findings.map((f) => [f.id, f]));
  const touched = new Set<string>();
  for (const a of plan) {
    if (a.skipped) base.skipped[a.skipped]++;
    else {
      base.counts[a.action] = (base.counts[a.action] ?? 0) + 1;
      touched.add(a.findingId);
    }
  }
  base.matched = touched.size;
  base.rows = plan.slice(0, ROWS).map((a) => {
    const f = byId.get(a.findingId);
    return { ...a, title: f?.title ?? "", rule: f?.rule ?? "", host: f?.host ?? "" };
  });
  base.truncated = plan.length > ROWS;
  return base;
}
