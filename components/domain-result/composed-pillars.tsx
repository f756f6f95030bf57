import Link from "next/link";
import { formatDate } from "@/components/ui";
import { PILLARS } from "@/components/status/pillars";
import type { DomainResult } from "@/lib/services/domain-result/compose";

/**
 * Each pillar of a composed result: its score and the date of the scan it comes from, or "never scanned".
 * `scanHref` links each pillar to its scan (dashboard only; the public page shows dates).
 */
export function ComposedPillars({ result, scanHref }: { result: DomainResult; scanHref?: (scanId: string) => string }) {
  return (
    <table className="w-full table-fixed border-collapse text-left text-sm" data-testid="composed-pillars">
      <caption className="sr-only">Score of each pillar and the scan it comes from</caption>
      <thead>
        <tr className="border-b border-slate-200 text-xs text-slate-600 uppercase">
          <th scope="col" className="py-2 pr-2 font-medium">
            Pillar
          </th>
          <th scope="col" className="w-20 py-2 pr-2 text-right font-medium">
            Score
          </th>
          <th scope="col" className="w-32 py-2 text-right font-medium">
            Scanned
          </th>
        </tr>
      </thead>
      <tbody>
        {PILLARS.map(({ id, label }) => {
          const p = result.pillars[id];
          return (
            <tr key={id} className="border-b border-slate-100" data-pillar={id} data-state={p.state}>
              <th scope="row" className="py-2 pr-2 font-medium text-slate-900">
                {label}
              </th>
              <td className="py-2 pr-2 text-right tabular-nums">
                {p.state === "scored" ? (
                  <span className="font-semibold text-slate-900">{p.score}</span>
                ) : p.state === "not_applicable" ? (
                  <span className="text-slate-600">n/a</span>
                ) : (
                  <span className="text-slate-600">—</span>
                )}
              </td>
              <td className="py-2 text-right text-slate-700">
                {p.scannedAt && p.scanId ? (
                  scanHref ? (
                    <Link href={scanHref(p.scanId)} className="underline-offset-2 hover:underline">
                      {formatDate(p.scannedAt)}
                    </Link>
                  ) : (
                    formatDate(p.scannedAt)
                  )
                ) : (
                  <span className="text-slate-600">Never scanned</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
