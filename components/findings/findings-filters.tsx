"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type FormEvent } from "react";
import { Button, Spinner } from "@/components/ui";
import { PILLAR_LABELS } from "@/components/status/pillars";
import type { FindingsQuery } from "@/app/o/[orgSlug]/findings/search-params";
import { DEFAULT_DIRECTION, PILLAR_IDS, SEVERITIES, SEVERITY_LABELS, STATUSES, STATUS_LABELS } from "./labels";

const FIELDS = ["domain", "pillar", "severity", "status", "regression", "q"] as const;

const selectClass =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-sm " +
  "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600";

/**
 * Filters as a GET form: it works without JavaScript, and with it a change of any select applies at once
 * (the results update in place; focus stays on the control). The text search applies on Enter or "Search".
 */
export function FindingsFilters({ path, query, domains }: { path: string; query: FindingsQuery; domains: { id: string; host: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Controlled from the URL: links (Clear filters, Back) change the query without this form.
  const fromQuery = () => Object.fromEntries(FIELDS.map((k) => [k, query[k] ?? ""])) as Record<(typeof FIELDS)[number], string>;
  const [values, setValues] = useState(fromQuery);
  const queryKey = FIELDS.map((k) => query[k] ?? "").join("\u0000");
  useEffect(() => setValues(fromQuery()), [queryKey]);
  const bind = (key: (typeof FIELDS)[number]) => ({
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const key of FIELDS) {
      const v = data.get(key);
      if (typeof v === "string" && v.trim()) params.set(key, v.trim());
    }
    // The order, grouping and resolved toggle survive a change of filters; the page and the open finding do not.
    if (query.resolved) params.set("resolved", query.resolved);
    if (query.group === "page") params.set("group", "page");
    if (query.sort !== "severity") params.set("sort", query.sort);
    if (query.dir !== DEFAULT_DIRECTION[query.sort]) params.set("dir", query.dir);
    const s = params.toString();
    startTransition(() => router.replace(s ? `${path}?${s}` : path, { scroll: false }));
  }

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    apply(e.currentTarget);
  };
  const filtered = FIELDS.some((k) => query[k]);

  return (
    <form
      role="search"
      aria-label="Filter findings"
      action={path}
      method="get"
      onSubmit={onSubmit}
      onChange={(e) => {
        const t = e.target;
        if (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type === "checkbox")) apply(e.currentTarget);
      }}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,1.6fr)]"
    >
      {query.sort !== "severity" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.resolved ? <input type="hidden" name="resolved" value={query.resolved} /> : null}
      {query.group === "page" ? <input type="hidden" name="group" value="page" /> : null}
      {query.dir !== DEFAULT_DIRECTION[query.sort] ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <label className="block text-xs font-medium text-slate-700">
        Domain
        <select {...bind("domain")} aria-label="Filter by domain" className={`${selectClass} mt-1`}>
          <option value="">All domains</option>
          {domains.map((d) => (
            <option key={d.id} value={d.id}>
              {d.host}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-xs font-medium text-slate-700">
        Pillar
        <select {...bind("pillar")} aria-label="Filter by pillar" className={`${selectClass} mt-1`}>
          <option value="">All pillars</option>
          {PILLAR_IDS.map((p) => (
            <option key={p} value={p}>
              {PILLAR_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-xs font-medium text-slate-700">
        Severity
        <select {...bind("severity")} aria-label="Filter by severity" className={`${selectClass} mt-1`}>
          <option value="">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-xs font-medium text-slate-700">
        Status
        <select {...bind("status")} aria-label="Filter by status" className={`${selectClass} mt-1`}>
          <option value="">Open &amp; in progress</option>
          <option value="all">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <div className="col-span-2 sm:col-span-2 lg:col-span-1">
        <label htmlFor="findings-q" className="block text-xs font-medium text-slate-700">
          Search
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="findings-q"
            {...bind("q")}
            type="search"
            maxLength={200}
            placeholder="Title, rule or page URL"
            aria-label="Search findings"
            className={`${selectClass} min-w-0 flex-1 px-3`}
          />
          <Button type="submit" variant="secondary" size="sm" className="h-9">
            Search
          </Button>
        </div>
      </div>
      <div className="col-span-2 flex flex-wrap items-center gap-x-4 gap-y-2 sm:col-span-3 lg:col-span-5">
        <label className="inline-flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="regression"
            value="1"
            checked={values.regression === "1"}
            onChange={(e) => setValues((v) => ({ ...v, regression: e.target.checked ? "1" : "" }))}
            className="size-4 accent-brand-700"
          />
          Regressions only
        </label>
        {filtered ? (
          <Link href={path} className="text-sm font-medium text-brand-700 underline hover:text-brand-900">
            Clear filters
          </Link>
        ) : null}
        <span role="status" aria-live="polite" className="inline-flex items-center gap-2 text-sm text-slate-600">
          {pending ? (
            <>
              <Spinner /> Updating…
            </>
          ) : null}
        </span>
      </div>
    </form>
  );
}
