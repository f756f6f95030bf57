// What a policy says, as data: the zod schemas of a gate's and an automation rule's `rules`, and the pure
// functions that read them (glob matching, gate evaluation). No Prisma here: the CLI (`plumb scan --policy`)
// evaluates gates with the same code the server runs when a scan settles.
import { z } from "zod";
import { PILLARS, SEVERITIES, type Pillar, type Severity } from "@/lib/scanner/types";

const severity = z.enum(SEVERITIES);
const pillar = z.enum(PILLARS);
const score = z.number().int().min(0).max(100);

export const gateRulesSchema = z
  .object({
    max_severity: severity.optional().meta({ description: "The worst severity allowed: a finding more severe fails the gate." }),
    min_score: z
      .union([score, z.partialRecord(pillar, score)])
      .optional()
      .meta({ description: "The lowest overall score allowed, or per pillar: { security: 80 }." }),
  })
  .strict()
  .refine((r) => r.max_severity !== undefined || r.min_score !== undefined, { message: "A gate needs max_severity or min_score." });
export type GateRules = z.infer<typeof gateRulesSchema>;

const glob = z.string().trim().min(1).max(500);

export const policyMatchSchema = z
  .object({
    pillars: z.array(pillar).max(PILLARS.length).optional(),
    rule: glob.optional().meta({ description: "Glob on the rule id: `*` any characters, `?` one. e.g. `csp-*`." }),
    severities: z.array(severity).max(SEVERITIES.length).optional(),
    url: glob.optional().meta({ description: "Glob on any page URL of the finding, e.g. `https://example.com/blog/*`." }),
    domains: z.array(z.string().trim().toLowerCase().min(1).max(253)).max(100).optional().meta({ description: "Hosts the finding's domain must be one of." }),
    min_instances: z.number().int().min(0).max(1_000_000).optional(),
    max_instances: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export type PolicyMatch = z.infer<typeof policyMatchSchema>;

const justification = z.string().trim().min(1, "A justification is required.").max(2000);

export const policyActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("set_severity"), severity }).strict(),
  z
    .object({
      type: z.literal("accept_risk"),
      justification,
      expires_in_days: z.number().int().min(1).max(3650).meta({ description: "The accepted risk re-opens this many days after it is applied." }),
    })
    .strict(),
  z.object({ type: z.literal("mark_false_positive"), justification }).strict(),
  z.object({ type: z.literal("notify_channel"), channel_id: z.string().min(1).max(64) }).strict(),
  z
    .object({
      type: z.literal("create_task"),
      assignee_id: z.string().min(1).max(64).nullable().optional().meta({ description: "An active member; none: unassigned." }),
      due_in_days: z.number().int().min(0).max(3650).nullable().optional().meta({ description: "Due this many days after the scan; none: no due date." }),
      priority: z.enum(["low", "medium", "high", "urgent"]).optional(),
    })
    .strict()
    .meta({ description: "One task per matching finding (titled after it), unless the finding already has a task not done." }),
  z
    .object({ type: z.literal("sync_integration"), integration_id: z.string().min(1).max(64) })
    .strict()
    .meta({ description: "Queues the matching findings for the integration's issue sync (a connected tracker of the organization)." }),
]);
export type PolicyAction = z.infer<typeof policyActionSchema>;
export type PolicyActionType = PolicyAction["type"];

export const automationRulesSchema = z
  .object({
    match: policyMatchSchema,
    actions: z.array(policyActionSchema).min(1).max(10),
  })
  .strict();
export type AutomationRules = z.infer<typeof automationRulesSchema>;

/** `*` any run of characters, `?` one; everything else literal; case-insensitive, whole string. */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (const ch of pattern) {
    if (ch === "*") re += ".*";
    else if (ch === "?") re += ".";
    else re += ch.replace(/[.+^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "is");
}

export interface MatchableFinding {
  pillar: Pillar;
  rule: string;
  severity: Severity;
  url: string;
  urls: string[];
  host: string;
  instancesCount: number;
}

export function findingMatches(m: PolicyMatch, f: MatchableFinding): boolean {
  if (m.pillars?.length && !m.pillars.includes(f.pillar)) return false;
  if (m.severities?.length && !m.severities.includes(f.severity)) return false;
  if (m.rule && !globToRegExp(m.rule).test(f.rule)) return false;
  if (m.domains?.length && !m.domains.includes(f.host.toLowerCase())) return false;
  if (m.min_instances !== undefined && f.instancesCount < m.min_instances) return false;
  if (m.max_instances !== undefined && f.instancesCount > m.max_instances) return false;
  if (m.url) {
    const re = globToRegExp(m.url);
    if (![f.url, ...f.urls].some((u) => re.test(u))) return false;
  }
  return true;
}

const RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** True when `a` is more severe than `b`. */
export function moreSevere(a: Severity, b: Severity): boolean {
  return RANK[a] < RANK[b];
}

export interface GateInput {
  /** findings that count (the server leaves out accepted risks and false positives) */
  findings: { severity: Severity; rule: string }[];
  score: number | null;
  scores: Partial<Record<Pillar, number>>;
}

export interface GateOutcome {
  passed: boolean;
  reasons: string[];
}

/** Evaluates one gate; every reason it fails is listed, in words a CI log can show as is. */
export function evaluateGate(rules: GateRules, input: GateInput): GateOutcome {
  const reasons: string[] = [];
  if (rules.max_severity) {
    const worse = input.findings.filter((f) => moreSevere(f.severity, rules.max_severity as Severity));
    if (worse.length > 0) {
      const bySeverity = SEVERITIES.map((s) => [s, worse.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
      reasons.push(
        `${worse.length} finding${worse.length === 1 ? "" : "s"} above the allowed severity ${rules.max_severity} (${bySeverity.map(([s, n]) => `${n} ${s}`).join(", ")})`,
      );
    }
  }
  if (typeof rules.min_score === "number") {
    if (input.score === null) reasons.push(`no overall score to compare with the minimum ${rules.min_score}`);
    else if (input.score < rules.min_score) reasons.push(`overall score ${input.score} is below the minimum ${rules.min_score}`);
  } else if (rules.min_score) {
    for (const [p, min] of Object.entries(rules.min_score) as [Pillar, number][]) {
      const got = input.scores[p];
      if (got === undefined) continue; // a pillar the scan did not cover cannot fail it
      if (got < min) reasons.push(`${p} score ${got} is below the minimum ${min}`);
    }
  }
  return { passed: reasons.length === 0, reasons };
}
