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
  initial: { status: string; pagesDone: number; pagesTotal: number };
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
  const [scan, setScan] = useState<LiveScan>({ status: initial.status, progress: { pages_done: initial.pagesDone, pages_total: initial.pagesTotal } });
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
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const terminal = ["succeeded", "failed", "canceled"].includes(scan.status);

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

        <div>
          <h3 className="text-sm font-medium text-slate-800">Pillars</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {pillars.map((p) => {
              const n = findings.filter((f) => f.pillar === p).length;
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
            Findings so far: <span data-testid="findings-so-far">{findings.length}</span>
          </h3>
          <dl className="mt-2 grid grid-cols-5 gap-2 text-center text-sm">
            {SEVERITIES.map((s) => (
              <div key={s} className="rounded-md bg-slate-50 px-1 py-2">
                <dt className="text-xs text-slate-600 capitalize">{s}</dt>
                <dd className="font-semibold tabular-nums text-slate-900">{bySeverity[s]}</dd>
              </div>
            ))}
          </dl>
          {findings.length > 0 ? (
            <ul className="mt-3 space-y-1 text-sm text-slate-700" aria-label="Latest findings">
              {findings
                .slice(-8)
                .reverse()
                .map((f) => (
                  <li key={f.id} className="truncate">
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
