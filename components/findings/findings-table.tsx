"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition, type KeyboardEvent, type MouseEvent } from "react";
import { Badge, cn } from "@/components/ui";
import { FindingStatusBadge, SeverityBadge } from "@/components/status/badges";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { BulkBar } from "./bulk-bar";
import { SendToTracker } from "./send-to-tracker";
import { FindingDrawer } from "./finding-drawer";
import type { SortKey } from "./labels";
import type { AssigneeOption, FindingRow } from "./types";

export interface FindingsTableProps {
  orgSlug: string;
  /** Connected issue trackers for the "Send to …" bulk action. */
  trackers?: { id: string; name: string }[];
  rows: FindingRow[];
  canWrite: boolean;
  /** members a task created from the selection can be assigned to */
  assignees: AssigneeOption[];
  sort: SortKey;
  direction: "asc" | "desc";
  sortHrefs: Record<SortKey, string>;
  /** The current view's URL with finding=__ID__, for opening one finding. */
  openHrefBase: string;
  firstPageHref: string | null;
  nextPageHref: string | null;
}

const TYPING = new Set(["INPUT", "SELECT", "TEXTAREA"]);

function isTyping(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLInputElement) return el.type !== "checkbox";
  return TYPING.has(el.tagName) || (el as HTMLElement).isContentEditable;
}

/**
 * The triage table: j/k or arrows move between findings, x or Space selects, Enter opens. The open link of
 * the active row holds the focus, so Tab and screen readers follow the same position.
 */
export function FindingsTable(props: FindingsTableProps) {
  const { orgSlug, rows, canWrite, assignees, sort, direction, sortHrefs, openHrefBase, firstPageHref, nextPageHref } = props;
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [active, setActive] = useState(0);
  const [opening, setOpening] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const links = useRef<(HTMLAnchorElement | null)[]>([]);

  // A new page of rows keeps only the selections still on it.
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  useEffect(() => {
    setSelected((prev) => {
      const next = new Set(ids.filter((id) => prev.has(id)));
      return next.size === prev.size ? prev : next;
    });
    setActive((a) => Math.min(a, Math.max(0, ids.length - 1)));
  }, [ids]);

  // j/k from nowhere in particular (focus on the page itself) enter the table.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const el = document.activeElement;
      if (el && el !== document.body) return;
      if (document.querySelector("dialog[open]")) return;
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        links.current[active]?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [active]);

  const move = (to: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, to));
    setActive(i);
    links.current[i]?.focus();
  };
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target as Element)) return;
    const rowEl = (e.target as Element).closest<HTMLElement>("tr[data-index]");
    const index = rowEl ? Number(rowEl.dataset.index) : active;
    switch (e.key) {
      case "j":
      case "ArrowDown":
        e.preventDefault();
        move(index + 1);
        break;
      case "k":
      case "ArrowUp":
        e.preventDefault();
        move(index - 1);
        break;
      case "x":
      case " ":
        // Space on the checkbox toggles it natively.
        if (e.key === " " && e.target instanceof HTMLInputElement) return;
        if (!canWrite || !rows[index]) return;
        e.preventDefault();
        toggle(rows[index].id);
        break;
    }
  };

  const open = (e: MouseEvent<HTMLAnchorElement>, id: string, index: number) => {
    setActive(index);
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    setOpening(id);
    startTransition(() => router.push(openHrefBase.replace("__ID__", encodeURIComponent(id)), { scroll: false }));
  };

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = !allSelected && rows.some((r) => selected.has(r.id));
  const ariaSort = (key: SortKey) => (sort === key ? (direction === "asc" ? "ascending" : "descending") : undefined);
  const sortLink = (key: SortKey, label: string) => (
    <Link href={sortHrefs[key]} scroll={false} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
      {label}
      <span aria-hidden="true" className="text-slate-500">
        {sort === key ? (direction === "asc" ? "▲" : "▼") : "↕"}
      </span>
      <span className="sr-only">{sort === key ? ", change order" : ", sort by this column"}</span>
    </Link>
  );

  return (
    <div className="mt-4">
      {canWrite ? <BulkBar orgSlug={orgSlug} selectedIds={[...selected]} assignees={assignees} selectedTitles={rows.filter((r) => selected.has(r.id)).map((r) => r.title)} onDone={() => setSelected(new Set())} /> : null}
      {canWrite && props.trackers?.length ? (
        <section aria-label="Send to an issue tracker" className="mb-3 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
          <SendToTracker orgSlug={orgSlug} selectedIds={[...selected]} trackers={props.trackers} />
        </section>
      ) : null}
      <p className="mb-2 hidden text-xs text-slate-600 sm:block">
        Keyboard: <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> or arrows to move,{" "}
        {canWrite ? (
          <>
            <kbd className="font-mono">x</kbd> or Space to select,{" "}
          </>
        ) : null}
        Enter to open.
      </p>
      <div onKeyDown={onKeyDown} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
          <caption className="sr-only">
            Findings, {rows.length} on this page{nextPageHref ? ", more on the next page" : ""}
          </caption>
          <thead className="bg-slate-50 text-xs text-slate-700">
            <tr>
              {canWrite ? (
                <th scope="col" className="w-10 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select all findings on this page"
                    className="size-4 accent-brand-700"
                    checked={allSelected}
                    ref={(el) => {
                      if (el) el.indeterminate = someSelected;
                    }}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(ids))}
                  />
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2 font-medium">
                Finding
              </th>
              <th scope="col" aria-sort={ariaSort("severity")} className="px-3 py-2 font-medium">
                {sortLink("severity", direction === "asc" || sort !== "severity" ? "Severity (worst first)" : "Severity (mildest first)")}
              </th>
              <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
                Where
              </th>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
                Status
              </th>
              <th scope="col" aria-sort={ariaSort("pillar")} className="hidden px-3 py-2 font-medium md:table-cell">
                {sortLink("pillar", "Pillar")}
              </th>
              <th scope="col" className="hidden px-3 py-2 font-medium lg:table-cell">
                Domain
              </th>
              <th scope="col" aria-sort={ariaSort("last_seen")} className="hidden px-3 py-2 font-medium md:table-cell">
                {sortLink("last_seen", "Last seen")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r, i) => {
              const isSelected = selected.has(r.id);
              return (
                <tr
                  key={r.id}
                  data-index={i}
                  className={cn(isSelected ? "bg-brand-50" : "hover:bg-slate-50", i === active && "shadow-[inset_3px_0_0_var(--color-brand-600)]")}
                >
                  {canWrite ? (
                    <td className="px-3 py-2 align-top">
                      <input
                        type="checkbox"
                        aria-label={`Select finding ${r.title}`}
                        className="mt-0.5 size-4 accent-brand-700"
                        checked={isSelected}
                        onChange={() => toggle(r.id)}
                        onFocus={() => setActive(i)}
                      />
                    </td>
                  ) : null}
                  <td className="max-w-[28rem] px-3 py-2 align-top">
                    <Link
                      ref={(el) => {
                        links.current[i] = el;
                      }}
                      href={openHrefBase.replace("__ID__", encodeURIComponent(r.id))}
                      data-finding-link={r.id}
                      scroll={false}
                      onClick={(e) => open(e, r.id, i)}
                      onFocus={() => setActive(i)}
                      className="font-medium break-words text-slate-900 hover:text-brand-800 hover:underline"
                    >
                      {r.title}
                    </Link>
                    <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                      <span className="font-mono break-words">{r.rule}</span>
                      <span className="md:hidden" data-testid="finding-pages">
                        {r.pagesCount === 1 ? "1 page" : `${r.pagesCount} pages`}
                      </span>
                      <span className="break-words lg:hidden">{r.domainHost}</span>
                      <span className="sm:hidden">
                        <FindingStatusBadge status={r.status} />
                      </span>
                      {r.regression ? (
                        <Badge tone="danger">Regression{r.regressionCount > 1 ? ` ×${r.regressionCount}` : ""}</Badge>
                      ) : null}
                    </div>
                  </td>
                  <td className="px-3 py-2 align-top">
                    <SeverityBadge severity={r.severity} />
                  </td>
                  <td className="hidden max-w-[18rem] px-3 py-2 align-top md:table-cell">
                    <div className="text-slate-800" data-testid="finding-counts">
                      {r.pagesCount === 1 ? "1 page" : `${r.pagesCount} pages`}
                      {r.instancesCount !== r.pagesCount ? <span className="text-slate-600"> · {r.instancesCount} instances</span> : null}
                    </div>
                    <div className="truncate text-xs text-slate-600" title={r.url}>
                      {r.url}
                    </div>
                  </td>
                  <td className="hidden px-3 py-2 align-top sm:table-cell">
                    <FindingStatusBadge status={r.status} />
                  </td>
                  <td className="hidden px-3 py-2 align-top text-slate-800 md:table-cell">{PILLAR_LABELS[r.pillar]}</td>
                  <td className="hidden px-3 py-2 align-top break-words text-slate-800 lg:table-cell">{r.domainHost}</td>
                  <td className="hidden px-3 py-2 align-top whitespace-nowrap text-slate-800 md:table-cell">
                    <time dateTime={r.lastSeen.iso}>{r.lastSeen.label}</time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {firstPageHref || nextPageHref ? (
        <nav aria-label="Findings pages" className="mt-3 flex justify-between gap-3 text-sm">
          {firstPageHref ? (
            <Link href={firstPageHref} className="font-medium text-brand-700 underline">
              ← First page
            </Link>
          ) : (
            <span />
          )}
          {nextPageHref ? (
            <Link href={nextPageHref} className="font-medium text-brand-700 underline">
              Next page →
            </Link>
          ) : null}
        </nav>
      ) : null}
      {pending && opening ? <FindingDrawer orgSlug={orgSlug} detail={null} loading assignees={[]} canWrite={false} closeHref={null} /> : null}
    </div>
  );
}
