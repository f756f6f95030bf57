import type { z } from "zod";
import type { verificationSchema } from "@/lib/api/contract/verifications";
import type { RecheckWithResults } from "@/lib/services/rechecks/list-rechecks";

export function serializeVerification(v: RecheckWithResults): z.input<typeof verificationSchema> {
  return {
    id: v.id,
    finding_id: v.findingId,
    rule: v.rule,
    status: v.status,
    summary: v.result,
    error: v.error,
    credits_charged: v.creditsCharged,
    passed_count: v.results.filter((r) => r.passed).length,
    failed_count: v.results.filter((r) => !r.passed).length,
    results: v.results.map((r) => ({ url: r.url, selector: r.selector || null, asset: r.asset || null, passed: r.passed, snippet: r.snippet, error: r.error })),
    created_by_id: v.createdById,
    created_at: v.createdAt.toISOString(),
    started_at: v.startedAt?.toISOString() ?? null,
    finished_at: v.finishedAt?.toISOString() ?? null,
    duration_ms: v.durationMs,
  };
}
