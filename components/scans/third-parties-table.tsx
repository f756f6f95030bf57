"use client";

import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";

export type SentKind = "identifier" | "screen_device" | "page_url" | "email" | "timestamp" | "other";

export interface ThirdPartyTableRow {
  host: string;
  tracker: { name: string; category: string } | null;
  requests: number;
  bytes: number;
  pages: number;
  resourceTypes: Record<string, number>;
  cookies: string[];
  firstSeenOn: string;
  receives: SentKind[];
  beacons: { endpoint: string; method: string; count: number; params: { in: "query" | "body"; name: string; kinds: SentKind[] }[] }[];
  probableTracker: boolean;
}

type SortKey = "host" | "requests" | "bytes" | "pages" | "cookies" | "receives";

const COLUMNS: { key: SortKey; label: string; numeric: boolean; title?: string }[] = [
  { key: "host", label: "Host", numeric: false },
  { key: "requests", label: "Requests", numeric: true },
  { key: "bytes", label: "Bytes", numeric: true, title: "Bytes received from the host" },
  { key: "pages", label: "Pages", numeric: true, title: "Scanned pages that contacted it" },
  { key: "cookies", label: "Cookies", numeric: true, title: "Cookies the host set" },
  { key: "receives", label: "Receives", numeric: false, title: "What its beacons were sent (kinds of values, never the values)" },
];

export const KIND_LABELS: Record<SentKind, string> = {
  identifier: "Identifier",
  screen_device: "Screen/device",
  page_url: "Page URL",
  email: "E-mail-like",
  timestamp: "Timestamp",
  other: "Other",
};

const KIND_STYLE: Record<SentKind, string> = {
  identifier: "bg-red-100 text-red-900",
  email: "bg-red-100 text-red-900",
  page_url: "bg-amber-100 text-amber-900",
  screen_device: "bg-amber-100 text-amber-900",
  timestamp: "bg-slate-100 text-slate-800",
  other: "bg-slate-100 text-slate-800",
};

// Sorting "Receives" puts the hosts that get the most revealing data first.
const KIND_WEIGHT: Record<SentKind, number> = { email: 32, identifier: 16, page_url: 8, screen_device: 4, timestamp: 2, other: 1 };

function sortValue(row: ThirdPartyTableRow, key: SortKey): number | string {
  if (key === "host") return row.host;
  if (key === "cookies") return row.cookies.length;
  if (key === "receives") return row.receives.reduce((n, k) => n + KIND_WEIGHT[k], 0);
  return row[key];
}

const size = (v: number) => (v >= 1024 * 1024 ? `${(v / 1024 / 1024).toFixed(1)} MB` : v >= 1024 ? `${Math.round(v / 1024)} KB` : `${v} B`);

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}` || "/";
  } catch {
    return url;
  }
}

function Kind({ kind }: { kind: SentKind }) {
  return <span className={cn("rounded px-1.5 py-0.5 text-xs font-medium", KIND_STYLE[kind])}>{KIND_LABELS[kind]}</span>;
}

/**
 * Every third-party host a scan contacted, sortable by any column; each row opens to show its beacons (parameter
 * names and the kinds of their values). Host names and parameter names come from the scanned site: text only.
 * Below the md breakpoint each row becomes a card, so nothing scrolls sideways at 375 px.
 */
export function ThirdPartiesTable({ hosts }: { hosts: ThirdPartyTableRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: "asc" | "desc" }>({ key: "requests", dir: "desc" });
  const rows = useMemo(() => {
    const out = [...hosts];
    out.sort((a, b) => {
      const va = sortValue(a, sort.key);
      const vb = sortValue(b, sort.key);
      const c = typeof va === "string" && typeof vb === "string" ? va.localeCompare(vb) : Number(va) - Number(vb);
      return (sort.dir === "asc" ? c : -c) || a.host.localeCompare(b.host);
    });
    return out;
  }, [hosts, sort]);

  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "host" ? "asc" : "desc" }));

  return (
    <div data-testid="third-parties">
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
      <table className="w-full table-fixed border-collapse text-sm">
        <caption className="sr-only">Third-party hosts the scanned pages contacted, with what they received. Select a column header to sort.</caption>
        <thead className="hidden md:table-header-group">
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600">
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
                className={cn("px-2 py-2 font-medium", c.key === "host" ? "w-[34%]" : c.key === "receives" ? "w-[26%]" : "", c.numeric ? "text-right" : "")}
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
          {rows.map((h) => (
            <tr key={h.host} className="mb-3 block rounded-lg border border-slate-200 p-3 md:mb-0 md:table-row md:rounded-none md:border-0 md:border-b md:border-slate-100 md:p-0" data-testid="third-party-row">
              <td className="block min-w-0 md:table-cell md:px-2 md:py-2 md:align-top">
                <span className="break-all font-medium text-slate-900" data-testid="third-party-host">{h.host}</span>
                <span className="mt-0.5 flex flex-wrap gap-1">
                  {h.tracker ? (
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{`${h.tracker.name} · ${h.tracker.category.replace(/_/g, " ")}`}</span>
                  ) : (
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">Not on the tracker list</span>
                  )}
                  {h.probableTracker ? <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">Probable tracker</span> : null}
                </span>
                <span className="mt-0.5 block break-all text-xs text-slate-600">First seen on {pathOf(h.firstSeenOn)}</span>
                <details className="mt-1 text-xs">
                  <summary className="cursor-pointer text-brand-800">
                    {h.beacons.length ? `${h.beacons.length} beacon endpoint${h.beacons.length === 1 ? "" : "s"}` : "Details"}
                  </summary>
                  <p className="mt-1 text-slate-700">
                    Types: {Object.entries(h.resourceTypes).map(([t, n]) => `${t} ${n}`).join(", ") || "—"}
                    {h.cookies.length ? ` · Cookies: ${h.cookies.join(", ")}` : ""}
                  </p>
                  {h.beacons.map((b) => (
                    <div key={`${b.method} ${b.endpoint}`} className="mt-1 rounded border border-slate-200 p-2">
                      <p className="break-all font-mono text-slate-800">{`${b.method} ${pathOf(b.endpoint)} ×${b.count}`}</p>
                      <ul className="mt-1 flex flex-col gap-0.5">
                        {b.params.map((p) => (
                          <li key={`${p.in}:${p.name}`} className="flex flex-wrap items-center gap-1">
                            <span className="break-all font-mono text-slate-900">{p.name}</span>
                            <span className="text-slate-600">({p.in})</span>
                            {p.kinds.map((k) => <Kind key={k} kind={k} />)}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </details>
              </td>
              <Cell label="Requests" numeric>{h.requests}</Cell>
              <Cell label="Bytes" numeric>{size(h.bytes)}</Cell>
              <Cell label="Pages" numeric>{h.pages}</Cell>
              <Cell label="Cookies" numeric>{h.cookies.length}</Cell>
              <Cell label="Receives">
                <span className="inline-flex flex-wrap justify-end gap-1 md:justify-start">
                  {h.receives.length ? h.receives.map((k) => <Kind key={k} kind={k} />) : <span className="text-slate-600">nothing</span>}
                </span>
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ label, numeric, children }: { label: string; numeric?: boolean; children: React.ReactNode }) {
  return (
    <td className={cn("flex justify-between gap-3 py-0.5 tabular-nums md:table-cell md:px-2 md:py-2 md:align-top", numeric ? "md:text-right" : "")}>
      <span className="text-slate-600 md:hidden" aria-hidden="true">
        {label}
      </span>
      <span>{children}</span>
    </td>
  );
}
