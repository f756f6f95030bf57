import type { z } from "zod";
import type { Policy } from "@/generated/prisma/client";
import type { policySchema, policySimulationSchema } from "@/lib/api/contract/policies";
import type { PolicySimulation } from "@/lib/services/policies/simulate-policy";

export function serializePolicy(p: Policy): z.input<typeof policySchema> {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    kind: p.kind,
    position: p.position,
    enabled: p.enabled,
    domain_id: p.domainId,
    rules: p.rules,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

export function serializePolicySimulation(s: PolicySimulation): z.input<typeof policySimulationSchema> {
  return {
    kind: s.kind,
    matched: s.matched,
    counts: s.counts,
    skipped: s.skipped,
    rows: s.rows.map((r) => ({ finding_id: r.findingId, title: r.title, rule: r.rule, host: r.host, action: r.action, from: r.from, to: r.to, due_at: r.dueAt?.toISOString() ?? null, skipped: r.skipped })),
    gates: s.gates.map((g) => ({ domain_id: g.domainId, host: g.host, scan_id: g.scanId, passed: g.passed, reasons: g.reasons })),
    truncated: s.truncated,
  };
}
