"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Badge, Button } from "@/components/ui";
import { recheckFindingAction } from "@/app/o/[orgSlug]/tasks/actions";
import { SafeUrl } from "./safe-url";

export interface RecheckView {
  id: string;
  status: "pending" | "running" | "passed" | "failed";
  summary: string | null;
  error: string | null;
  at: { iso: string; label: string };
  results: { url: string; passed: boolean; snippet: string | null; error: string | null }[];
}

const TONE = { pending: "neutral", running: "info", passed: "success", failed: "danger" } as const;
const LABEL = { pending: "Queued", running: "Running", passed: "Verified fixed", failed: "Still failing" } as const;

/** "Re-check": re-runs only this finding's rule on its pages (1 credit), and the history of re-checks. */
export function RecheckSection({ orgSlug, findingId, canRecheck, rechecks }: { orgSlug: string; findingId: string; canRecheck: boolean; rechecks: RecheckView[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const inFlight = rechecks.some((r) => r.status === "pending" || r.status === "running");

  // While a re-check runs, refresh the server data every few seconds until it ends.
  useEffect(() => {
    if (!inFlight) return;
    const t = setInterval(() => router.refresh(), 2_500);
    return () => clearInterval(t);
  }, [inFlight, router]);

  return (
    <section className="mt-6" aria-labelledby="recheck-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="recheck-heading" className="text-sm font-semibold text-slate-900">
          Re-checks
        </h3>
        {canRecheck ? (
          <Button
            size="sm"
            variant="secondary"
            loading={pending || inFlight}
            disabled={inFlight}
            onClick={() =>
              startTransition(async () => {
                const r = await recheckFindingAction(orgSlug, findingId);
                setMessage(r.ok ? { ok: true, text: r.data.created ? "Re-check started (1 credit)." : "A re-check is already running." } : { ok: false, text: r.error });
                router.refresh();
              })
            }
          >
            {inFlight ? "Re-checking…" : "Re-check"}
          </Button>
        ) : null}
      </div>
      <p className="mt-1 text-xs text-slate-600">Fixed it? A re-check loads only this finding’s pages and runs only its rule: 1 credit, much faster than a scan.</p>
      <p role="status" className={message?.ok === false ? "mt-1 text-sm font-medium text-red-700" : "mt-1 text-sm text-green-800"}>
        {message?.text ?? ""}
      </p>
      {rechecks.length > 0 ? (
        <ol className="mt-2 space-y-2 text-sm" aria-label="Re-check history" data-testid="recheck-history">
          {rechecks.map((r) => (
            <li key={r.id} className="rounded-md border border-slate-200 p-2">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={TONE[r.status]}>{LABEL[r.status]}</Badge>
                <time className="text-xs text-slate-600" dateTime={r.at.iso}>
                  {r.at.label}
                </time>
                {r.summary ? <span className="text-xs text-slate-700">{r.summary}</span> : null}
              </div>
              {r.error ? <p className="mt-1 text-xs text-red-700">{r.error}</p> : null}
              {r.results.length > 0 ? (
                <ul className="mt-1 space-y-0.5 text-xs">
                  {r.results.slice(0, 10).map((x, i) => (
                    <li key={i} className="flex min-w-0 flex-wrap items-baseline gap-1">
                      <span className={x.passed ? "font-medium text-green-800" : "font-medium text-red-700"}>{x.passed ? "passed" : "failed"}</span>
                      <SafeUrl url={x.url} />
                      {x.error ? <span className="text-slate-600">({x.error})</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
