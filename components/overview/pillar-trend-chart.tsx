"use client";

import { useId, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { Button } from "@/components/ui";
import type { Pillar } from "@/lib/scanner/types";

export interface PillarTrendRow {
  /** the point's date, formatted on the server */
  label: string;
  scores: Partial<Record<Pillar, number>>;
}

export interface PillarSeries {
  id: Pillar;
  label: string;
}

// Okabe–Ito colours (told apart with the common colour-vision deficiencies) plus a dash pattern per series, so
// colour is never the only way to tell two lines apart; the table below carries every number.
const STYLE: Record<Pillar, { color: string; dash?: string }> = {
  accessibility: { color: "#0072B2" },
  security: { color: "#D55E00", dash: "6 3" },
  cookies: { color: "#CC79A7", dash: "2 2" },
  trackers: { color: "#009E73", dash: "8 3 2 3" },
  privacy: { color: "#B8860B" },
  performance: { color: "#56B4E9", dash: "4 4" },
  seo: { color: "#1E293B", dash: "1 3" },
};

/**
 * Pillar scores over time as a multi-series line chart (recharts) with a tooltip per point, and the same data
 * as a table: hidden visually but read by screen readers, and shown on demand ("Show as table").
 */
export function PillarTrendChart({ rows, series, caption }: { rows: PillarTrendRow[]; series: PillarSeries[]; caption: string }) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const data = rows.map((r) => ({ label: r.label, ...r.scores }));
  return (
    <figure className="min-w-0" data-testid="pillar-trend">
      <div aria-hidden="true" className="min-w-0">
        <LineChart responsive accessibilityLayer={false} style={{ width: "100%", height: 280 }} data={data} margin={{ top: 8, right: 12, bottom: 4, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} minTickGap={24} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12, fill: "#475569" }} />
          <Tooltip formatter={(v, name) => [String(v), String(name)]} contentStyle={{ fontSize: 13 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Line
              key={s.id}
              type="monotone"
              dataKey={s.id}
              name={s.label}
              stroke={STYLE[s.id].color}
              strokeDasharray={STYLE[s.id].dash}
              strokeWidth={2}
              // Points are drawn: a pillar first scanned on the last day is a single point, not a line.
              dot={{ r: 2.5, strokeWidth: 0, fill: STYLE[s.id].color }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      <figcaption className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span>{caption}</span>
        <Button type="button" variant="ghost" size="sm" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
          {showTable ? "Hide the table" : "Show as table"}
        </Button>
      </figcaption>
      {/* Shown, it scrolls on its own (long windows, narrow screens): focusable so keyboards can scroll it. */}
      <div
        id={tableId}
        className={showTable ? "mt-3 max-h-96 overflow-auto rounded-md border border-slate-200" : "sr-only"}
        {...(showTable ? { tabIndex: 0, role: "region", "aria-label": "Pillar trend table" } : {})}
      >
        <table className="min-w-full text-left text-sm tabular-nums" data-testid="pillar-trend-table">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-medium text-slate-700">
                Date
              </th>
              {series.map((s) => (
                <th key={s.id} scope="col" className="px-2 py-1.5 text-right font-medium text-slate-700">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" className="px-2 py-1 font-normal whitespace-nowrap text-slate-800">
                  {r.label}
                </th>
                {series.map((s) => (
                  <td key={s.id} className="px-2 py-1 text-right text-slate-800">
                    {r.scores[s.id] ?? "—"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
