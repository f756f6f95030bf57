import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, timestamp } from "../schemas/common";
import { automationRulesSchema, gateRulesSchema } from "@/lib/services/policies/policy-rules";

const policyKind = z.enum(["gate", "automation"]).meta({ id: "PolicyKind" });
const rulesSchema = z.union([gateRulesSchema, automationRulesSchema]).meta({
  description:
    "gate: `{ max_severity?, min_score? }` (number or `{ pillar: number }`). automation: `{ match: { pillars?, rule?, severities?, url?, domains?, " +
    "min_instances?, max_instances? }, actions: [{ type: set_severity | accept_risk | mark_false_positive | notify_channel | create_task | sync_integration, … }] }`.",
});

export const policySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    kind: policyKind,
    position: z.number().int(),
    enabled: z.boolean(),
    domain_id: z.string().nullable().meta({ description: "null: every domain of the organization." }),
    rules: z.unknown().meta({ description: "The policy's rules, by kind (see the create body)." }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Policy" });

const name = z.string().trim().min(1).max(100);
const description = z.string().trim().max(1000).nullable().optional();
const position = z.number().int().min(0).max(1_000_000).optional().meta({ description: "Evaluation order, ascending. Default: last." });
const domainId = z.string().min(1).max(64).nullable().optional();

export const createPolicyBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("gate"), name, description, enabled: z.boolean().optional(), position, domain_id: domainId, rules: gateRulesSchema }),
  z.object({ kind: z.literal("automation"), name, description, enabled: z.boolean().optional(), position, domain_id: domainId, rules: automationRulesSchema }),
]);

export const updatePolicyBody = z
  .object({ name: name.optional(), description, enabled: z.boolean().optional(), position, domain_id: domainId, rules: rulesSchema.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Nothing to change." });

export const simulatePolicyBody = z.object({
  draft: z.object({ kind: policyKind, rules: z.unknown(), domain_id: domainId }).meta({ description: "The policy as it would be saved (name and order do not matter)." }),
});

const simulationRow = z.object({
  finding_id: z.string(),
  title: z.string(),
  rule: z.string(),
  host: z.string(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable().meta({ description: "The new status or severity; the channel (notify_channel), assignee (create_task) or integration (sync_integration)." }),
  due_at: timestamp.nullable().meta({ description: "create_task: the task's due date." }),
  skipped: z.enum(["human_decision", "no_change"]).nullable().meta({ description: "Why nothing would happen: a member decided it, or it is already so." }),
});

export const policySimulationSchema = z
  .object({
    kind: policyKind,
    matched: z.number().int().meta({ description: "automation: findings the draft would change; gate: domains whose latest scan would fail." }),
    counts: z.record(z.string(), z.number().int()).meta({ description: "automation: changes by action; gate: `{ passed, failed }`." }),
    skipped: z.object({ human_decision: z.number().int(), no_change: z.number().int() }),
    rows: z.array(simulationRow).meta({ description: "The first 100 planned actions." }),
    gates: z.array(z.object({ domain_id: z.string(), host: z.string(), scan_id: z.string(), passed: z.boolean(), reasons: z.array(z.string()) })),
    truncated: z.boolean(),
  })
  .meta({ id: "PolicySimulation" });

export const listPoliciesContract = defineContract({
  id: "policies.list",
  method: "GET",
  path: "/api/v1/policies",
  summary: "List policies",
  description: "Every policy in evaluation order (position, then creation). Organizations hold few: one page.",
  tags: ["policies"],
  auth: "key-or-session",
  scope: "policies:read",
  query: z.object({ kind: policyKind.optional() }),
  response: { kind: "list", item: policySchema },
});

export const createPolicyContract = defineContract({
  id: "policies.create",
  method: "POST",
  path: "/api/v1/policies",
  summary: "Create a policy",
  description:
    "A quality gate (evaluated on every scan; the verdict is on the scan as `gates`, and `plumb scan --policy` enforces it in CI) or an " +
    "automation rule (applied to a scan's findings when it settles). `notify_channel`, `sync_integration` and `create_task` must name the " +
    "organization's alert channel, connected tracker integration and active member (422 otherwise).",
  tags: ["policies"],
  auth: "key-or-session",
  scope: "policies:write",
  body: createPolicyBody,
  response: { kind: "json", schema: policySchema },
  status: 201,
});

export const getPolicyContract = defineContract({
  id: "policies.get",
  method: "GET",
  path: "/api/v1/policies/{id}",
  summary: "Get a policy",
  tags: ["policies"],
  auth: "key-or-session",
  scope: "policies:read",
  params: idParam,
  response: { kind: "json", schema: policySchema },
});

export const updatePolicyContract = defineContract({
  id: "policies.update",
  method: "PATCH",
  path: "/api/v1/policies/{id}",
  summary: "Update a policy",
  description: "The kind is fixed at creation; `rules` are checked against it.",
  tags: ["policies"],
  auth: "key-or-session",
  scope: "policies:write",
  params: idParam,
  body: updatePolicyBody,
  response: { kind: "json", schema: policySchema },
});

export const deletePolicyContract = defineContract({
  id: "policies.delete",
  method: "DELETE",
  path: "/api/v1/policies/{id}",
  summary: "Delete a policy",
  tags: ["policies"],
  auth: "key-or-session",
  scope: "policies:write",
  params: idParam,
  response: { kind: "json", schema: z.object({ id: z.string(), deleted: z.literal(true) }) },
});

export const simulatePolicyContract = defineContract({
  id: "policies.simulate",
  method: "POST",
  path: "/api/v1/policies/simulate",
  summary: "Simulate a draft policy",
  description:
    "What the draft would do to the organization's current (not resolved) findings — counts by action and the first 100 rows — or, for a " +
    "gate, the verdict on each domain's latest scan. Changes nothing.",
  tags: ["policies"],
  auth: "key-or-session",
  scope: "policies:read",
  body: simulatePolicyBody,
  response: { kind: "json", schema: policySimulationSchema },
});
