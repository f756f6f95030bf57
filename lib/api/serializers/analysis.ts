import type { z } from "zod";
import type { ScanAnalysisResult } from "@/lib/services/analysis/analysis-row";
import type { scanAnalysisSchema } from "../contract/analysis";

export function serializeScanAnalysis(a: ScanAnalysisResult): z.input<typeof scanAnalysisSchema> {
  return {
    scan_id: a.scanId,
    source: a.source,
    model: a.model,
    cached: a.cached,
    credits_charged: a.creditsCharged,
    fallback_reason: a.fallbackReason,
    created_at: a.createdAt.toISOString(),
    analysis: a.analysis,
  };
}
