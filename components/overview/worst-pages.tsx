import Link from "next/link";
import { SEVERITY_LABELS } from "@/components/findings/labels";
import type { WorstPage } from "@/lib/services/overview/list-worst-pages";
import { SEVERITIES } from "@/lib/scanner/types";

const TONE = { critical: "text-red-800", high: "text-red-700", medium: "text-amber-800", low: "text-sky-800", info: "text-slate-600" } as const;

/** The pages with the most severe findings (then the lowest page score), each linked to its scan's page table. */
export function WorstPages({ pages, base }: { pages: WorstPage[]; base: string }) {
  return (
    <ol className="divide-y divide-slate-100" data-testid="worst-pages">
      {pages.map((p) => {
        const counts = SEVERITIES.filter((s) => s !== "info" && p.severities[s] > 0);
        return (
          <li key={`${p.scanId}:${p.url}`} className="flex flex-col gap-1 py-2.5 text-sm sm:flex-row sm:items-start sm:justify-between sm:gap-4">
            <div className="min-w-0">
              <Link href={`${base}/scans/${p.scanId}`} className="font-medium break-all text-brand-800 underline-offset-2 hover:underline">
                {p.url}
              </Link>
              <p className="text-xs text-slate-600">
                <Link href={`${base}/findings?domain=${p.domainId}&group=page`} className="underline-offset-2 hover:underline">
                  {p.host}: findings by page
                </Link>
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 text-xs">
              {counts.length === 0 ? <span className="text-slate-600">no findings</span> : null}
              {counts.map((s) => (
                <span key={s} className={`font-medium ${TONE[s]}`}>
                  {p.severities[s]} {SEVERITY_LABELS[s].toLowerCase()}
                </span>
              ))}
              <span className="text-slate-700">
                score <span className="font-semibold tabular-nums">{p.score ?? "—"}</span>
              </span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
