import Link from "next/link";
import { cn } from "@/components/ui";
import { FindingStatusBadge, SeverityBadge } from "@/components/status/badges";
import type { PageGroup } from "./types";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Above the table: the total, the resolved toggle and the grouping (by rule: one row per finding; by page). */
export function FindingsViewBar(props: {
  total: number;
  group: "rule" | "page";
  groupHrefs: Record<"rule" | "page", string>;
  resolvedHref: string;
  resolvedShown: boolean;
  /** what the default status filter shows, when it applies */
  statusNote: string | null;
}) {
  const { total, group, groupHrefs, resolvedHref, resolvedShown, statusNote } = props;
  const tab = (key: "rule" | "page", label: string) => (
    <Link
      href={groupHrefs[key]}
      scroll={false}
      aria-current={group === key ? "true" : undefined}
      className={cn(
        "rounded-md px-2.5 py-1 text-sm font-medium",
        group === key ? "bg-white text-slate-900 shadow-sm" : "text-slate-700 hover:text-slate-900 hover:underline",
      )}
    >
      {label}
    </Link>
  );
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
      <p className="text-sm text-slate-800" data-testid="findings-total">
        <strong className="font-semibold">{plural(total, "finding")}</strong>
        {statusNote ? <span className="text-slate-600"> {statusNote}{resolvedShown ? " or resolved" : ""}</span> : null}
      </p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Link href={resolvedHref} scroll={false} role="switch" aria-checked={resolvedShown} className="inline-flex items-center gap-2 text-sm text-slate-800">
          <span aria-hidden="true" className={cn("relative inline-block h-5 w-9 rounded-full transition", resolvedShown ? "bg-brand-700" : "bg-slate-300")}>
            <span className={cn("absolute top-0.5 size-4 rounded-full bg-white shadow transition", resolvedShown ? "left-4.5" : "left-0.5")} />
          </span>
          Show resolved
        </Link>
        <nav aria-label="Group findings" className="inline-flex items-center gap-1 rounded-lg bg-slate-100 p-1">
          <span className="px-1 text-xs text-slate-600">Group by</span>
          {tab("rule", "Rule")}
          {tab("page", "Page")}
        </nav>
      </div>
    </div>
  );
}

/** Findings under each page they were seen on. Page URLs are the scanned site's: rendered as text. */
export function FindingsByPage({ groups, truncated, openHrefBase }: { groups: PageGroup[]; truncated: boolean; openHrefBase: string }) {
  return (
    <div className="mt-3 space-y-4" data-testid="findings-by-page">
      {groups.map((g) => (
        <section key={g.url} aria-label={`Findings on ${g.url}`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <h2 className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-medium break-all text-slate-900">
            {g.url} <span className="font-normal text-slate-600">· {plural(g.rows.length, "finding")}</span>
          </h2>
          <ul className="divide-y divide-slate-100">
            {g.rows.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <SeverityBadge severity={r.severity} />
                <Link href={openHrefBase.replace("__ID__", encodeURIComponent(r.id))} scroll={false} className="min-w-0 flex-1 font-medium break-words text-slate-900 hover:underline">
                  {r.title}
                </Link>
                <span className="text-xs text-slate-600">{plural(r.pagesCount, "page")}</span>
                <FindingStatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {truncated ? <p className="text-sm text-slate-600">More pages than shown here: narrow the filters to see them all.</p> : null}
    </div>
  );
}
