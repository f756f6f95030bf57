/** How long a scan took, from its start to its end (or its stored duration). */
export function formatScanDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(s % 60).padStart(2, "0")} s`;
}

export function ScanDuration({ durationMs, startedAt, finishedAt }: { durationMs: number | null; startedAt: Date | null; finishedAt: Date | null }) {
  const ms = durationMs ?? (startedAt && finishedAt ? finishedAt.getTime() - startedAt.getTime() : null);
  if (ms === null || ms < 0) return null;
  return (
    <div>
      <dt className="text-slate-600">Scan duration</dt>
      <dd className="font-semibold text-slate-900 tabular-nums" data-testid="scan-duration">
        {formatScanDuration(ms)}
      </dd>
    </div>
  );
}
