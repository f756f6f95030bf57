import { cn } from "@/components/ui/cn";
import type { VitalBand, VitalSummary } from "@/lib/services/scans/core-web-vitals";

const BAND_TEXT: Record<VitalBand, string> = { good: "Good", "needs-improvement": "Needs improvement", poor: "Poor" };
const BAND_STYLE: Record<VitalBand, string> = {
  good: "border-green-300 bg-green-50 text-green-900",
  "needs-improvement": "border-amber-300 bg-amber-50 text-amber-900",
  poor: "border-red-300 bg-red-50 text-red-900",
};
const BAR_STYLE: Record<VitalBand, string> = { good: "bg-green-600", "needs-improvement": "bg-amber-500", poor: "bg-red-600" };

function format(v: number, unit: "ms" | ""): string {
  if (unit === "") return v.toFixed(2);
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;
}

/**
 * One card per metric: the 75th percentile across the scan's pages, its band (good / needs improvement /
 * poor at web.dev's thresholds) and how many pages fall in each band.
 */
export function CoreWebVitals({ vitals }: { vitals: VitalSummary[] }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="core-web-vitals">
      {vitals.map((v) => {
        const total = v.pages.good + v.pages["needs-improvement"] + v.pages.poor;
        return (
          <li key={v.id} className={cn("min-w-0 rounded-lg border p-3", v.band ? BAND_STYLE[v.band] : "border-slate-200 bg-white text-slate-800")} data-testid={`vital-${v.id}`}>
            <p className="text-xs font-medium uppercase tracking-wide">
              <abbr title={v.label} className="no-underline">{v.id.toUpperCase()}</abbr>
              {v.core ? <span className="ml-1 normal-case">· Core Web Vital{v.id === "tbt" ? " (lab stand-in for INP)" : ""}</span> : null}
            </p>
            <p className="mt-1 text-2xl font-semibold tabular-nums">{v.p75 === null ? "—" : format(v.p75, v.unit)}</p>
            <p className="text-sm">
              {v.band ? BAND_TEXT[v.band] : "Not measured"}
              <span className="block text-xs opacity-80">
                p75 of {total} page{total === 1 ? "" : "s"} · good ≤ {format(v.good, v.unit)}, poor &gt; {format(v.poor, v.unit)}
              </span>
            </p>
            {total > 0 ? (
              <div className="mt-2">
                <div className="flex h-2 overflow-hidden rounded-full bg-white/60" aria-hidden="true">
                  {(["good", "needs-improvement", "poor"] as const).map((b) =>
                    v.pages[b] > 0 ? <div key={b} className={BAR_STYLE[b]} style={{ width: `${(v.pages[b] / total) * 100}%` }} /> : null,
                  )}
                </div>
                <p className="mt-1 text-xs">
                  {v.pages.good} good · {v.pages["needs-improvement"]} need improvement · {v.pages.poor} poor
                </p>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
