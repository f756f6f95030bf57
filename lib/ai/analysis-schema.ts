import { z } from "zod";

// The analysis of a scan, as the model must answer it (structured output) and as the API returns it.
// Bounds keep a wayward model from filling the page: every string and list is capped.
const severity = z.enum(["critical", "high", "medium", "low"]);
const ruleIds = z.array(z.string().max(80)).max(10).describe("Rule ids of the findings involved, from the input.");

export const attackChainSchema = z.object({
  title: z.string().min(1).max(120),
  severity,
  rules: ruleIds,
  narrative: z.string().min(1).max(800).describe("How an attacker combines these findings, in two or three plain sentences."),
});

export const planItemSchema = z.object({
  week: z.number().int().min(1).max(4).describe("Week of the 30-day plan (1 = first week)."),
  title: z.string().min(1).max(160),
  why: z.string().min(1).max(500),
  rules: ruleIds,
});

export const analysisSchema = z.object({
  summary: z.string().min(1).max(2000).describe("Executive summary for a non-technical reader: what is at risk and what to do first."),
  risk_score: z.number().int().min(0).max(100).describe("0 = no meaningful risk, 100 = actively exploitable and severe."),
  risk_reasons: z.array(z.string().min(1).max(300)).min(1).max(8),
  attack_chains: z.array(attackChainSchema).max(6),
  plan: z.array(planItemSchema).min(1).max(12).describe("Prioritised 30-day plan, most urgent first."),
});

export type Analysis = z.infer<typeof analysisSchema>;
export type AttackChain = z.infer<typeof attackChainSchema>;
export type PlanItem = z.infer<typeof planItemSchema>;
