// `plumb scan --policy policy.json`: the quality gates a CI job enforces. The file holds one gate policy as
// the API returns it ({ "kind": "gate", "rules": { … } }), a list of them, or the bare rules
// ({ "max_severity": "high", "min_score": 80 }). Automation policies in the file are skipped (they act on
// findings stored by a server). Gates are evaluated with the server's own code (lib/services/policies).
import fs from "node:fs";
import { z } from "zod";
import { evaluateGate, gateRulesSchema, type GateOutcome, type GateRules } from "@/lib/services/policies/policy-rules";
import type { ScanResult } from "@/lib/scanner/types";

export interface CliGate {
  name: string;
  rules: GateRules;
}

const policyObject = z.object({
  name: z.string().max(200).optional(),
  kind: z.enum(["gate", "automation"]).optional(),
  rules: z.unknown(),
  enabled: z.boolean().optional(),
});

export class PolicyFileError extends Error {}

function describe(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join(".") || "policy"}: ${i.message}`).join("; ");
}

/** Reads and validates the policy file; throws PolicyFileError with a message naming the problem. */
export function loadPolicyFile(file: string): { gates: CliGate[]; skipped: number } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new PolicyFileError(`cannot read policy file ${file}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PolicyFileError(`policy file ${file} is not valid JSON`);
  }
  // The API's list answer ({ data: [...] }) works as is.
  if (raw && typeof raw === "object" && !Array.isArray(raw) && "data" in raw) raw = (raw as { data: unknown }).data;
  const items = Array.isArray(raw) ? raw : [raw];
  const gates: CliGate[] = [];
  let skipped = 0;
  items.forEach((item, i) => {
    const asPolicy = policyObject.safeParse(item);
    if (asPolicy.success && asPolicy.data.rules !== undefined) {
      if (asPolicy.data.kind === "automation" || asPolicy.data.enabled === false) {
        skipped++;
        return;
      }
      const rules = gateRulesSchema.safeParse(asPolicy.data.rules);
      if (!rules.success) throw new PolicyFileError(`policy ${i + 1} in ${file}: ${describe(rules.error)}`);
      gates.push({ name: asPolicy.data.name ?? `gate ${i + 1}`, rules: rules.data });
      return;
    }
    const rules = gateRulesSchema.safeParse(item);
    if (!rules.success) throw new PolicyFileError(`policy ${i + 1} in ${file}: ${describe(rules.error)}`);
    gates.push({ name: `gate ${i + 1}`, rules: rules.data });
  });
  if (gates.length === 0) throw new PolicyFileError(`policy file ${file} holds no gate policy`);
  return { gates, skipped };
}

export function evaluateCliGates(gates: CliGate[], result: Pick<ScanResult, "findings" | "score" | "scores">): (GateOutcome & { name: string })[] {
  return gates.map((g) => ({
    name: g.name,
    ...evaluateGate(g.rules, { findings: result.findings, score: result.score, scores: result.scores }),
  }));
}
