import Link from "next/link";
import { SeverityBadge } from "@/components/status/badges";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { cn } from "@/components/ui/cn";
import type { Finding } from "@/generated/prisma/client";
import type { Pillar } from "@/generated/prisma/enums";
import type { ScoreDelta } from "@/lib/services/scans/compare-scans";

function DeltaText({ d }: { d: ScoreDelta }) {
  if (d.delta === null) return <span className="text-slate-600">—</span>;
  const tone = d.delta > 0 ? "text-green-800" : d.delta < 0 ? "text-red-700" : "text-slate-700";
  const words = d.delta > 0 ? "up" : d.delta < 0 ? "down" : "unchanged";
  return (
    <span className={cn("font-semibold tabular-nums", tone)}>
      <span aria-hidden="true">{d.delta > 0 ? `+${d.delta}` : d.delta === 0 ? "±0" : d.delta}</span>
      <span className="sr-only">{words}{d.delta !== 0 ? ` ${Math.abs(d.delta)} points` : ""}</span>
    </span>
  );
}

/** Score per pillar in both scans and the change, as a table (readable at 375 px: three short columns). */
export function ScoreDeltaTable({ overall, pillars }: { overall: ScoreDelta; pillars: Partial<Record<Pillar, ScoreDelta>> }) {
  const rows: [string, ScoreDelta][] = [["Overall", overall], ...Object.entries(pillars).map(([p, d]) => [PILLAR_LABELS[p as Pillar], d] as [string, ScoreDelta])];
  return (
    <div className="overflow-x-auto">
    <table className="w-full text-sm" data-testid="score-deltas">
      <caption className="sr-only">Scores of the older and newer scan per pillar, and the change</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600">
          <th scope="col" className="py-2 pr-2 font-medium">Pillar</th>
          <th scope="col" className="px-2 py-2 text-right font-medium">Before</th>
          <th scope="col" className="px-2 py-2 text-right font-medium">After</th>
          <th scope="col" className="py-2 pl-2 text-right font-medium">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, d]) => (
          <tr key={label} className="border-b border-slate-100">
            <th scope="row" className={cn("py-2 pr-2 text-left font-normal", label === "Overall" ? "font-semibold" : "")}>{label}</th>
            <td className="px-2 py-2 text-right tabular-nums">{d.base ?? "—"}</td>
            <td className="px-2 py-2 text-right tabular-nums">{d.target ?? "—"}</td>
            <td className="py-2 pl-2 text-right"><DeltaText d={d} /></td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

export function ComparisonFindings({ title, items, empty, findingHref, testId }: { title: string; items: Finding[]; empty: string; findingHref: (f: Finding) => string; testId: string }) {
  return (
    <section aria-label={title} data-testid={testId} className="min-w-0">
      <h3 className="mb-2 text-sm font-semibold text-slate-900">
        {title} (<span className="tabular-nums">{items.length}</span>)
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <SeverityBadge severity={f.severity} />
              <span className="text-slate-600">{PILLAR_LABELS[f.pillar]}</span>
              {/* Titles come from scanned sites: text only. */}
              <Link href={findingHref(f)} className="min-w-0 break-words text-slate-900 underline-offset-2 hover:underline">
                {f.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** For a domain's history (newest first): each succeeded scan's previous succeeded scan, to link a comparison. */
export function previousSucceededScans<T extends { id: string; status: string }>(newestFirst: T[]): Map<string, string> {
  const out = new Map<string, string>();
  let older: string | null = null;
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const s = newestFirst[i];
    if (s.status !== "succeeded") continue;
    if (older) out.set(s.id, older);
    older = s.id;
  }
  return out;
}

export function CompareWithPrevious({ scanId, previous, base }: { scanId: string; previous: string | undefined; base: string }) {
  if (!previous) return <span className="text-slate-600">—</span>;
  return (
    <Link href={`${base}/scans/compare?${new URLSearchParams({ a: previous, b: scanId })}`} className="text-brand-800 underline-offset-2 hover:underline">
      vs previous
    </Link>
  );
}
