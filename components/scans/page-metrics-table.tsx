"use client";

import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";

export type SeverityCountsRow = { critical: number; high: number; medium: number; low: number; info: number };

export interface PageMetricsRow {
  id: string;
  url: string;
  status: number | null;
  outcome: string;
  error: string | null;
  title: string | null;
  loadMs: number | null;
  lcpMs: number | null;
  cls: number | null;
  tbtMs: number | null;
  bytes: number | null;
  perfScore: number | null;
  /** robots.txt disallows the page: audited anyway, hidden from search engines */
  robotsBlocked?: boolean;
  severities: SeverityCountsRow;
}

type SortKey = "url" | "status" | "loadMs" | "lcpMs" | "cls" | "tbtMs" | "bytes" | "findings" | "perfScore";

const COLUMNS: { key: SortKey; label: string; numeric: boolean; title?: string }[] = [
  { key: "url", label: "Page", numeric: false },
  { key: "status", label: "Status", numeric: true },
  { key: "loadMs", label: "Load", numeric: true, title: "Time until the load event" },
  { key: "lcpMs", label: "LCP", numeric: true, title: "Largest Contentful Paint" },
  { key: "cls", label: "CLS", numeric: true, title: "Cumulative Layout Shift" },
  { key: "tbtMs", label: "TBT", numeric: true, title: "Total Blocking Time" },
  { key: "bytes", label: "Weight", numeric: true, title: "Bytes transferred" },
  { key: "findings", label: "Findings", numeric: true, title: "Findings seen on this page, by severity" },
  { key: "perfScore", label: "Score", numeric: true, title: "Performance score of this page, 0–100" },
];

const SEVERITY_STYLE: { key: keyof SeverityCountsRow; short: string; className: string }[] = [
  { key: "critical", short: "C", className: "bg-red-700 text-white" },
  { key: "high", short: "H", className: "bg-orange-600 text-white" },
  { key: "medium", short: "M", className: "bg-amber-300 text-slate-900" },
  { key: "low", short: "L", className: "bg-sky-200 text-slate-900" },
  { key: "info", short: "I", className: "bg-slate-200 text-slate-900" },
];

function weighted(s: SeverityCountsRow): number {
  return s.critical * 10_000 + s.high * 1_000 + s.medium * 100 + s.low * 10 + s.info;
}

function sortValue(row: PageMetricsRow, key: SortKey): number | string | null {
  if (key === "url") return row.url;
  if (key === "findings") return weighted(row.severities);
  return row[key];
}

const ms = (v: number | null) => (v === null ? "—" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const kb = (v: number | null) => (v === null ? "—" : v >= 1024 * 1024 ? `${(v / 1024 / 1024).toFixed(1)} MB` : `${Math.round(v / 1024)} KB`);

function scoreClass(score: number | null): string {
  if (score === null) return "text-slate-600";
  if (score >= 90) return "text-green-800";
  if (score >= 50) return "text-amber-800";
  return "text-red-700";
}

function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}` || "/";
  } catch {
    return url;
  }
}

/**
 * Every page of a scan with its load metrics, findings and score; sortable by any column (like Unlighthouse's
 * table). Text from the scanned site (URL, title, error) is rendered as text only. Below the md breakpoint
 * each row becomes a card, so nothing scrolls sideways at 375 px.
 */
export function PageMetricsTable({ pages }: { pages: PageMetricsRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: "asc" | "desc" }>({ key: "url", dir: "asc" });
  const rows = useMemo(() => {
    const out = [...pages];
    out.sort((a, b) => {
      const va = sortValue(a, sort.key);
      const vb = sortValue(b, sort.key);
      // Missing values sort last whatever the direction.
      if (va === null && vb === null) return 0;
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === "string" && typeof vb === "string" ? va.localeCompare(vb) : Number(va) - Number(vb);
      return sort.dir === "asc" ? c : -c;
    });
    return out;
  }, [pages, sort]);

  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "url" ? "asc" : "desc" }));

  return (
    <div data-testid="page-metrics">
      <label className="mb-3 flex items-center gap-2 text-sm text-slate-700 md:hidden">
        Sort by
        <select
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          value={`${sort.key}:${sort.dir}`}
          onChange={(e) => {
            const [key, dir] = e.target.value.split(":") as [SortKey, "asc" | "desc"];
            setSort({ key, dir });
          }}
        >
          {COLUMNS.flatMap((c) => [
            <option key={`${c.key}:asc`} value={`${c.key}:asc`}>{`${c.label} ↑`}</option>,
            <option key={`${c.key}:desc`} value={`${c.key}:desc`}>{`${c.label} ↓`}</option>,
          ])}
        </select>
      </label>
      <div className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-sm">
        <caption className="sr-only">Pages scanned, with load metrics, findings and performance score. Select a column header to sort.</caption>
        <thead className="hidden md:table-header-group">
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600">
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
                className={cn("px-2 py-2 font-medium", c.key === "url" ? "w-[32%]" : c.key === "findings" ? "w-[14%]" : "", c.numeric && c.key !== "findings" ? "text-right" : "")}
              >
                <button type="button" onClick={() => toggle(c.key)} title={c.title} className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600">
                  {c.label}
                  <span aria-hidden="true" className="text-slate-400">
                    {sort.key === c.key ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block md:table-row-group">
          {rows.map((p) => {
            const href = safeHref(p.url);
            return (
              <tr key={p.id} className="mb-3 block rounded-lg border border-slate-200 p-3 md:mb-0 md:table-row md:rounded-none md:border-0 md:border-b md:border-slate-100 md:p-0" data-testid="page-row">
                <td className="block min-w-0 md:table-cell md:px-2 md:py-2">
                  {href ? (
                    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-800 underline-offset-2 hover:underline">
                      {pathOf(p.url)}
                      <span className="sr-only"> ({p.url}, opens in a new tab)</span>
                    </a>
                  ) : (
                    <span className="break-all">{p.url}</span>
                  )}
                  {p.title ? <span className="block truncate text-xs text-slate-600">{p.title.slice(0, 300)}</span> : null}
                  {p.robotsBlocked ? (
                    <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" title="robots.txt disallows this page: search engines never fetch it. Plumb audited it because you own the site.">
                      Blocked by robots.txt
                    </span>
                  ) : null}
                  {p.error ? <span className="block break-words text-xs text-red-700">{p.error.slice(0, 300)}</span> : null}
                </td>
                <Cell label="Status" numeric>
                  <span className={p.outcome === "ok" ? "text-slate-800" : "font-medium text-red-700"}>{p.status ?? (p.outcome === "skipped" ? "skipped" : "error")}</span>
                </Cell>
                <Cell label="Load" numeric>{ms(p.loadMs)}</Cell>
                <Cell label="LCP" numeric>{ms(p.lcpMs)}</Cell>
                <Cell label="CLS" numeric>{p.cls === null ? "—" : p.cls.toFixed(3)}</Cell>
                <Cell label="TBT" numeric>{ms(p.tbtMs)}</Cell>
                <Cell label="Weight" numeric>{kb(p.bytes)}</Cell>
                <Cell label="Findings">
                  <span className="inline-flex flex-wrap gap-1">
                    {SEVERITY_STYLE.filter((s) => p.severities[s.key] > 0).map((s) => (
                      <span key={s.key} className={cn("rounded px-1.5 py-0.5 text-xs font-semibold tabular-nums", s.className)} title={`${p.severities[s.key]} ${s.key}`}>
                        <span aria-hidden="true">{s.short}</span> {p.severities[s.key]}
                        <span className="sr-only"> {s.key}</span>
                      </span>
                    ))}
                    {SEVERITY_STYLE.every((s) => p.severities[s.key] === 0) ? <span className="text-slate-600">none</span> : null}
                  </span>
                </Cell>
                <Cell label="Score" numeric>
                  <span className={cn("font-semibold", scoreClass(p.perfScore))}>{p.perfScore ?? "—"}</span>
                </Cell>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </div>
  );
}

function Cell({ label, numeric, children }: { label: string; numeric?: boolean; children: React.ReactNode }) {
  return (
    <td className={cn("flex justify-between gap-3 py-0.5 tabular-nums md:table-cell md:px-2 md:py-2", numeric ? "md:text-right" : "")}>
      <span className="text-slate-600 md:hidden" aria-hidden="true">
        {label}
      </span>
      <span>{children}</span>
    </td>
  );
}
