import Link from "next/link";
import { GradeBadge } from "@/components/status/badges";
import { PILLARS } from "@/components/status/pillars";
import type { HeatmapRow } from "@/lib/services/overview/get-pillar-heatmap";
import type { Pillar } from "@/lib/scanner/types";

const SHORT: Record<Pillar, string> = {
  accessibility: "A11y",
  security: "Sec",
  cookies: "Cook",
  trackers: "Trk",
  privacy: "Priv",
  performance: "Perf",
  seo: "SEO",
};

// Score bands: tinted background with dark text (contrast ≥ 4.5:1); the number is always printed, so colour is
// never the only signal.
const BANDS = [
  { min: 90, cell: "bg-green-100 text-green-900", label: "90–100" },
  { min: 75, cell: "bg-lime-100 text-lime-900", label: "75–89" },
  { min: 50, cell: "bg-amber-100 text-amber-900", label: "50–74" },
  { min: 0, cell: "bg-red-100 text-red-900", label: "0–49" },
] as const;

function band(score: number) {
  return BANDS.find((b) => score >= b.min) ?? BANDS[BANDS.length - 1];
}

/**
 * Domains × pillars: each cell the pillar's composed score (the domain page's and the badge's), linked to that
 * domain's open findings of that pillar; "—" for a pillar never scanned, "n/a" when no check applied.
 */
export function PillarHeatmap({ rows, base }: { rows: HeatmapRow[]; base: string }) {
  return (
    <div data-testid="pillar-heatmap">
      <table className="w-full table-fixed border-separate border-spacing-0.5 text-sm">
        <caption className="sr-only">Score of each pillar per domain, 0 to 100, composed from the latest scans; worst domains first</caption>
        <thead>
          <tr>
            <th scope="col" className="w-[34%] px-1 pb-1 text-left text-xs font-medium text-slate-600 sm:w-56">
              Domain
            </th>
            {PILLARS.map((p) => (
              <th key={p.id} scope="col" className="px-0.5 pb-1 text-center text-xs font-medium text-slate-600">
                <span aria-hidden="true" className="sm:hidden">
                  {SHORT[p.id]}
                </span>
                <span className="sr-only sm:not-sr-only">{p.label}</span>
              </th>
            ))}
            <th scope="col" className="hidden w-24 px-1 pb-1 text-center text-xs font-medium text-slate-600 md:table-cell">
              Overall
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.domainId} data-domain={r.host}>
              <th scope="row" className="px-1 py-1 text-left font-medium">
                <Link href={`${base}/domains/${r.domainId}`} className="block text-brand-800 break-all underline-offset-2 hover:underline">
                  {r.host}
                </Link>
                {!r.verified ? <span className="block text-xs font-normal text-slate-600">not verified</span> : null}
              </th>
              {PILLARS.map((p) => {
                const c = r.pillars[p.id];
                const label = c.state === "scored" ? String(c.score) : c.state === "not_applicable" ? "not applicable" : "never scanned";
                if (c.state !== "scored" || c.score === null) {
                  return (
                    <td key={p.id} data-pillar={p.id} data-state={c.state} className="rounded bg-slate-50 px-0.5 py-2 text-center text-xs text-slate-600">
                      <span aria-hidden="true">{c.state === "not_applicable" ? "n/a" : "—"}</span>
                      <span className="sr-only">{label}</span>
                    </td>
                  );
                }
                return (
                  <td key={p.id} data-pillar={p.id} data-state={c.state} className={`rounded p-0 text-center font-semibold tabular-nums ${band(c.score).cell}`}>
                    <Link
                      href={`${base}/findings?domain=${r.domainId}&pillar=${p.id}`}
                      className="block px-0.5 py-2 hover:underline"
                      aria-label={`${p.label} of ${r.host}: ${c.score} out of 100. Open findings`}
                    >
                      {c.score}
                    </Link>
                  </td>
                );
              })}
              <td className="hidden px-1 py-1 text-center md:table-cell">
                {r.grade ? <GradeBadge grade={r.grade} score={r.score} /> : <span className="text-xs text-slate-600">no score yet</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Colour key">
        {BANDS.map((b) => (
          <li key={b.label} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${b.cell}`} />
            {b.label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-slate-100" />— never scanned · n/a no check applied
        </li>
      </ul>
    </div>
  );
}
