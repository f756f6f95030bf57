import { env } from "@/lib/env";
import type { AiConfig } from "@/lib/ai/openai-analysis";

export interface AnalysisSettings {
  /** null without OPENAI_API_KEY: the rule-based analysis only */
  ai: AiConfig | null;
  /** credits one AI analysis costs (PLUMB_AI_ANALYSIS_CREDITS) */
  cost: number;
  /** AI analyses per organization per UTC day (PLUMB_AI_DAILY_QUOTA) */
  dailyQuota: number;
}

export function analysisSettings(): AnalysisSettings {
  const e = env();
  return {
    ai: e.OPENAI_API_KEY
      ? { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.PLUMB_AI_MODEL, timeoutMs: e.PLUMB_AI_TIMEOUT_SECONDS * 1000 }
      : null,
    cost: e.PLUMB_AI_ANALYSIS_CREDITS,
    dailyQuota: e.PLUMB_AI_DAILY_QUOTA,
  };
}
