import { z } from "zod";
import { analysisSchema } from "@/lib/ai/analysis-schema";
import { defineContract } from "../define-contract";
import { idParam, timestamp } from "../schemas/common";

export const scanAnalysisSchema = z
  .object({
    scan_id: z.string(),
    source: z.enum(["ai", "rules"]).meta({ description: "`ai`: the configured model's analysis; `rules`: Plumb's deterministic analysis (no key, or the model failed)." }),
    model: z.string().nullable(),
    cached: z.boolean().meta({ description: "The stored analysis of an earlier request: nothing was charged now." }),
    credits_charged: z.number().int().meta({ description: "Credits this request cost (0 for cached and rule-based answers)." }),
    fallback_reason: z.string().nullable().meta({ description: "Set when a model is configured but its answer could not be used." }),
    created_at: timestamp,
    analysis: analysisSchema.meta({ id: "Analysis" }),
  })
  .meta({ id: "ScanAnalysis" });

export const analyzeScanContract = defineContract({
  id: "scans.analyze",
  method: "POST",
  path: "/api/v1/scans/{id}/analyze",
  summary: "Explain a scan: summary, risk score, attack chains and a 30-day plan",
  description:
    "With `OPENAI_API_KEY` set, an OpenAI-compatible model (`OPENAI_BASE_URL`, `PLUMB_AI_MODEL`) writes the analysis as " +
    "structured output validated against the Analysis schema; it sees only the findings' rule ids, titles, severities and " +
    "counts, never page content. It costs `PLUMB_AI_ANALYSIS_CREDITS` credits (default 5), charged once per scan: the " +
    "analysis is stored and later requests return it (`cached: true`) free. Each organization may run " +
    "`PLUMB_AI_DAILY_QUOTA` AI analyses per UTC day (429 `rate_limited` beyond). Without a key — or when the model " +
    "fails validation twice, errors or times out after retries — the answer is Plumb's rule-based analysis " +
    "(`source: \"rules\"`, free, not stored; `fallback_reason` says why). The scan must have succeeded (409 otherwise).",
  tags: ["scans"],
  auth: "key-or-session",
  scope: "scans:write",
  params: idParam,
  response: { kind: "json", schema: scanAnalysisSchema },
  idempotent: true,
  errors: ["conflict", "insufficient_credits", "rate_limited"],
});
