"use client";

import { useState, useTransition } from "react";
import { Alert, Badge, Button } from "@/components/ui";
import type { AnalysisView } from "@/app/o/[orgSlug]/scans/publish-actions";
import type { ActionResult } from "@/components/findings/action-result";

const SEVERITY_TONE = { critical: "danger", high: "danger", medium: "warning", low: "info" } as const;

/** "Explain this scan": the plain-language analysis (AI when configured, rule-based otherwise). */
export function ExplainScan({
  initial,
  canRun,
  costNote,
  action,
}: {
  initial: AnalysisView | null;
  canRun: boolean;
  costNote: string;
  action: () => Promise<ActionResult<AnalysisView>>;
}) {
  const [result, setResult] = useState<AnalysisView | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      setError(null);
      const r = await action();
      if (r.ok) setResult(r.data);
      else setError(r.error);
    });

  if (!result) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-700">
          A summary for non-technical readers, a risk score with its reasons, how findings combine into attacks, and a 30-day plan. {costNote}
        </p>
        {canRun ? (
          <Button onClick={run} loading={pending}>
            Explain this scan
          </Button>
        ) : (
          <p className="text-sm text-slate-600">Viewers cannot run the analysis.</p>
        )}
        {error ? <Alert tone="danger">{error}</Alert> : null}
      </div>
    );
  }

  const a = result.analysis;
  const weeks = [1, 2, 3, 4].map((w) => ({ week: w, items: a.plan.filter((p) => p.week === w) })).filter((w) => w.items.length > 0);
  return (
    <div className="space-y-6" data-testid="scan-analysis">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone={result.source === "ai" ? "brand" : "neutral"}>{result.source === "ai" ? `AI analysis${result.model ? ` · ${result.model}` : ""}` : "Rule-based analysis"}</Badge>
        {result.cached ? <span>Saved analysis (no charge)</span> : result.creditsCharged > 0 ? <span>{result.creditsCharged} credits charged</span> : <span>Free</span>}
      </div>
      {result.fallbackReason ? <Alert tone="warning">{result.fallbackReason}</Alert> : null}
      <section aria-labelledby="analysis-summary">
        <h3 id="analysis-summary" className="text-base font-semibold text-slate-900">
          Summary
        </h3>
        <p className="mt-1 text-slate-800">{a.summary}</p>
      </section>
      <section aria-labelledby="analysis-risk" className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="shrink-0 rounded-lg border border-slate-200 px-4 py-3 text-center">
          <p id="analysis-risk" className="text-sm text-slate-600">
            Risk score
          </p>
          <p className="text-4xl font-semibold text-slate-900 tabular-nums" data-testid="risk-score">
            {a.risk_score}
            <span className="text-base font-normal text-slate-600"> / 100</span>
          </p>
        </div>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
          {a.risk_reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="analysis-chains">
        <h3 id="analysis-chains" className="text-base font-semibold text-slate-900">
          Attack chains
        </h3>
        {a.attack_chains.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">No known combination of these findings makes a worse attack.</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {a.attack_chains.map((c, i) => (
              <li key={i} className="rounded-lg border border-slate-200 p-3">
                <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  <Badge tone={SEVERITY_TONE[c.severity]}>{c.severity}</Badge>
                  {c.title}
                </p>
                <p className="mt-1 text-sm text-slate-800">{c.narrative}</p>
                {c.rules.length ? <p className="mt-1 text-xs break-all text-slate-600">Rules: {c.rules.join(", ")}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="analysis-plan">
        <h3 id="analysis-plan" className="text-base font-semibold text-slate-900">
          30-day plan
        </h3>
        <ol className="mt-2 space-y-3">
          {weeks.map((w) => (
            <li key={w.week}>
              <p className="text-sm font-semibold text-slate-700">Week {w.week}</p>
              <ul className="mt-1 space-y-1">
                {w.items.map((p, i) => (
                  <li key={i} className="text-sm text-slate-800">
                    <span className="font-medium">{p.title}</span> — {p.why}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
