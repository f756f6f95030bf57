import { analysisSchema, type Analysis } from "@/lib/ai/analysis-schema";

export interface ScanAnalysisResult {
  scanId: string;
  source: "ai" | "rules";
  model: string | null;
  /** true when this answer is the stored analysis of an earlier request (nothing charged now) */
  cached: boolean;
  /** charged by this request */
  creditsCharged: number;
  /** why the model's analysis was not used, when a key is configured but the rules answered */
  fallbackReason: string | null;
  createdAt: Date;
  analysis: Analysis;
}

/** A stored ScanAnalysis row as the service answers it. */
export function fromRow(
  row: { scanId: string; source: string; model: string | null; result: unknown; createdAt: Date },
  cached: boolean,
  charged: number,
): ScanAnalysisResult {
  return {
    scanId: row.scanId,
    source: row.source === "ai" ? "ai" : "rules",
    model: row.model,
    cached,
    creditsCharged: charged,
    fallbackReason: null,
    createdAt: row.createdAt,
    // Stored after validation; parsed again so a hand-edited row cannot break the page.
    analysis: analysisSchema.parse(row.result),
  };
}
