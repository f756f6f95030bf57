"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert, Card, CardBody, CardHeader, Spinner } from "@/components/ui";
import { PILLAR_LABELS } from "@/components/status/pillars";
import type { Pillar, Severity } from "@/generated/prisma/enums";
import { readSse } from "./sse-reader";

interface LiveScan {
  status: string;
  progress: { pages_done: number; pages_total: number };
  started_at?: string | null;
  live?: {
    loading: string[];
    findings_so_far: number;
    findings: { pillar: Pillar; rule: string; severity: Severity; title: string; pages: number }[];
  } | null;
}

interface LiveFinding {
  id: string;
  pillar: Pillar;
  severity: Severity;
  title: string;
}

interface Props {
  orgSlug: string;
  scanId: string;
  pillars: Pillar[];
  initial: { status: string; pagesDone: number; pagesTotal: number; startedAt?: string | null; createdAt?: string };
}

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${String(s % 60).padStart(2, "0")} s` : `${s} s`;
}

const SEVERITIES: Severity[] = ["critical", "high", "medium", "low", "info"];
const STATUS_TEXT: Record<string, string> = {
  queued: "Waiting for a worker…",
  running: "Scanning…",
  succeeded: "Finished",
  failed: "Failed",
  canceled: "Canceled",
};

/**
 * Follows GET /api/v1/scans/{id}/events while a scan is queued or running: pages done, findings so far by
 * severity and pillar. Reconnects after a dropped stream; when the scan ends it refreshes the server page,
 * which then renders the result instead of this component.
 */
export function ScanProgress({ orgSlug, scanId, pillars, initial }: Props) {
  const router = useRouter();
  const [scan, setScan] = useState<LiveScan>({ status: initial.status, progress: { pages_done: initial.pagesDone, pages_total: initial.pagesTotal }, started_at: initial.startedAt ?? null });
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const [findings, setFindings] = useState<LiveFinding[]>([]);
  const [connection, setConnection] = useState<"connecting" | "live" | "retrying">("connecting");
  const seen = useRef(new Set<string>());

  useEffect(() => {
    const abort = new AbortController();
    let retry = 0;
    async function follow(): Promise<void> {
      while (!abort.signal.aborted) {
        try {
          const res = await fetch(`/api/v1/scans/${encodeURIComponent(scanId)}/events`, {
            headers: { Accept: "text/event-stream", "X-Plumb-Org": orgSlug },
            signal: abort.signal,
            cache: "no-store",
          });
          if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
          setConnection("live");
          retry = 0;
          for await (const e of readSse(res.body, abort.signal)) {
            if (e.event === "finding") {
              const f = JSON.parse(e.data) as LiveFinding;
              if (seen.current.has(f.id)) continue;
              seen.current.add(f.id);
              setFindings((prev) => [...prev, { id: f.id, pillar: f.pillar, severity: f.severity, title: f.title }]);
            } else if (e.event === "progress") {
              setScan(JSON.parse(e.data) as LiveScan);
            } else if (e.event === "done") {
              setScan(JSON.parse(e.data) as LiveScan);
              router.refresh();
              return;
            }
          }
        } catch {
          if (abort.signal.aborted) return;
        }
        // Stream ended or broke before `done`: back off a little and follow again.
        setConnection("retrying");
        retry += 1;
        await new Promise((r) => setTimeout(r, Math.min(10_000, 1000 * retry)));
      }
    }
    void follow();
    return () => abort.abort();
  }, [orgSlug, scanId, router]);

  const { pages_done: done, pages_total: total } = scan.progress;
  // Findings recorded by the scan (SSE `finding`) once it has them; until then the per-page preview.
  const preview = scan.live?.findings ?? [];
  const shown: LiveFinding[] =
    findings.length > 0 ? findings : preview.map((f) => ({ id: `${f.rule}:${f.title}`, pillar: f.pillar, severity: f.severity, title: f.pages > 1 ? `${f.title} (${f.pages} pages)` : f.title }));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, shown.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const terminal = ["succeeded", "failed", "canceled"].includes(scan.status);
  const startedAt = scan.started_at ?? initial.startedAt ?? null;
  const elapsedMs = startedAt && now !== null ? now - new Date(startedAt).getTime() : null;
  const etaMs = elapsedMs !== null && done > 0 && total > done ? (elapsedMs / done) * (total - done) : null;
  const loading = scan.live?.loading ?? [];

  return (
    <Card>
      <CardHeader
        title="Progress"
        description={
          <span className="inline-flex items-center gap-2">
            {terminal ? null : <Spinner />}
            {STATUS_TEXT[scan.status] ?? scan.status}
            {connection === "retrying" ? " (reconnecting to the live feed…)" : ""}
          </span>
        }
      />
      <CardBody className="space-y-5">
        <div>
          <div className="flex justify-between text-sm">
            <span id="pages-label" className="font-medium text-slate-800">
              Pages
            </span>
            <span className="tabular-nums text-slate-700" data-testid="pages-progress">
              {total > 0 ? `${done} of ${total}` : scan.status === "queued" ? "not started" : "discovering pages…"}
            </span>
          </div>
          <p className="mt-1 flex flex-wrap justify-between gap-x-4 text-xs text-slate-600 tabular-nums">
            <span data-testid="scan-elapsed">{elapsedMs !== null ? `Elapsed ${clock(elapsedMs)}` : "Not started yet"}</span>
            {etaMs !== null ? <span data-testid="scan-eta">About {clock(etaMs)} left</span> : null}
          </p>
          <div
            role="progressbar"
            aria-labelledby="pages-label"
            aria-valuemin={0}
            aria-valuemax={Math.max(total, 1)}
            aria-valuenow={total > 0 ? done : undefined}
            aria-valuetext={total > 0 ? `${done} of ${total} pages` : "Discovering pages"}
            className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div
              className={total > 0 ? "h-2 rounded-full bg-brand-700 transition-[width]" : "h-2 w-1/4 animate-pulse rounded-full bg-brand-500"}
              style={total > 0 ? { width: `${Math.max(2, (done / total) * 100)}%` } : undefined}
            />
          </div>
        </div>

        {loading.length > 0 && !terminal ? (
          <div>
            <h3 className="text-sm font-medium text-slate-800">Loading now</h3>
            {/* URLs come from the scanned site: text only. */}
            <ul className="mt-1 space-y-0.5 text-sm text-slate-700" data-testid="loading-urls">
              {loading.slice(0, 6).map((u) => (
                <li key={u} className="break-all">
                  {u}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div>
          <h3 className="text-sm font-medium text-slate-800">Pillars</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {pillars.map((p) => {
              const n = shown.filter((f) => f.pillar === p).length;
              return (
                <li key={p} className="rounded-full border border-slate-200 px-3 py-1 text-sm text-slate-800">
                  {PILLAR_LABELS[p]}
                  <span className="ml-1 text-slate-600">
                    · {terminal ? "done" : done > 0 ? "checking" : "waiting"}
                    {n ? `, ${n} finding${n === 1 ? "" : "s"}` : ""}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>

        <div>
          <h3 className="text-sm font-medium text-slate-800">
            Findings so far: <span data-testid="findings-so-far">{shown.length}</span>
          </h3>
          <dl className="mt-2 grid grid-cols-5 gap-2 text-center text-sm">
            {SEVERITIES.map((s) => (
              <div key={s} className="rounded-md bg-slate-50 px-1 py-2">
                <dt className="text-xs text-slate-600 capitalize">{s}</dt>
                <dd className="font-semibold tabular-nums text-slate-900">{bySeverity[s]}</dd>
              </div>
            ))}
          </dl>
          {shown.length > 0 ? (
            <ul className="mt-3 space-y-1 text-sm text-slate-700" aria-label="Latest findings">
              {shown
                .slice(-8)
                .reverse()
                .map((f) => (
                  <li key={f.id} className="break-words">
                    <span className="font-medium capitalize">{f.severity}</span> · {PILLAR_LABELS[f.pillar]} · {f.title}
                  </li>
                ))}
            </ul>
          ) : null}
        </div>
        {scan.status === "failed" ? <Alert tone="danger">The scan failed. Reloading the result…</Alert> : null}
      </CardBody>
    </Card>
  );
}
