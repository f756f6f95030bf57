import Link from "next/link";
import { PILLAR_LABELS } from "@/components/status/pillars";
import type { Pillar, Severity } from "@/generated/prisma/enums";

const SEVERITIES: Severity[] = ["critical", "high", "medium", "low", "info"];
const SEVERITY_LABELS: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };

interface Props {
  counts: { pillar: Pillar; severity: Severity; count: number }[];
  pillars: Pillar[];
  /** findings screen URL for a pillar (and optionally a severity) */
  href: (pillar: Pillar, severity?: Severity) => string;
}

/** Findings of a scan by pillar (rows) and severity (columns); every non-zero cell opens the filtered list. */
export function FindingsMatrix({ counts, pillars, href }: Props) {
  const get = (p: Pillar, s: Severity) => counts.find((c) => c.pillar === p && c.severity === s)?.count ?? 0;
  return (
    // Focusable so keyboard users can scroll it when it is wider than a phone screen.
    <div className="overflow-x-auto" role="region" aria-label="Findings by pillar and severity" tabIndex={0}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">Findings of this scan by pillar and severity</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="py-2 pr-4 font-medium text-slate-700">
              Pillar
            </th>
            {SEVERITIES.map((s) => (
              <th key={s} scope="col" className="px-2 py-2 text-right font-medium text-slate-700">
                {SEVERITY_LABELS[s]}
              </th>
            ))}
            <th scope="col" className="py-2 pl-2 text-right font-medium text-slate-700">
              Total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {pillars.map((p) => {
            const total = SEVERITIES.reduce((n, s) => n + get(p, s), 0);
            return (
              <tr key={p}>
                <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-900">
                  {total > 0 ? (
                    <Link href={href(p)} className="text-brand-800 underline-offset-2 hover:underline">
                      {PILLAR_LABELS[p]}
                    </Link>
                  ) : (
                    PILLAR_LABELS[p]
                  )}
                </th>
                {SEVERITIES.map((s) => {
                  const n = get(p, s);
                  return (
                    <td key={s} className="px-2 py-2 text-right tabular-nums">
                      {n > 0 ? (
                        <Link
                          href={href(p, s)}
                          aria-label={`${n} ${SEVERITY_LABELS[s].toLowerCase()} ${PILLAR_LABELS[p]} finding${n === 1 ? "" : "s"}`}
                          className="font-semibold text-brand-800 underline underline-offset-2"
                        >
                          {n}
                        </Link>
                      ) : (
                        <span className="text-slate-500">0</span>
                      )}
                    </td>
                  );
                })}
                <td className="py-2 pl-2 text-right font-semibold tabular-nums">{total}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
