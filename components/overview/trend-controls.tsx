import Link from "next/link";
import { cn } from "@/components/ui";
import { TREND_RANGES, type TrendRange } from "@/lib/services/overview/trend-ranges";

function href(path: string, range: TrendRange, domainId: string | undefined): string {
  const q = new URLSearchParams({ range: String(range) });
  if (domainId) q.set("trend", domainId);
  return `${path}?${q.toString()}#trends`;
}

/** The 30/90/365-day switch (links, so it works without JavaScript) and the choice of domain. */
export function TrendControls({ path, range, domainId, domains }: { path: string; range: TrendRange; domainId?: string; domains: { id: string; host: string }[] }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <nav aria-label="Trend period">
        <ul className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white text-sm" data-testid="trend-range">
          {TREND_RANGES.map((r) => (
            <li key={r}>
              <Link
                href={href(path, r, domainId)}
                aria-current={r === range ? "page" : undefined}
                className={cn(
                  "block px-3 py-1.5 font-medium",
                  r === range ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-50",
                )}
              >
                <span className="sr-only">Last </span>
                {r} days
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {domains.length > 1 ? (
        <form method="get" action={`${path}#trends`} className="flex min-w-0 items-center gap-2">
          <input type="hidden" name="range" value={range} />
          <label htmlFor="trend-domain" className="text-sm text-slate-700">
            Trend for
          </label>
          <select id="trend-domain" name="trend" defaultValue={domainId ?? ""} className="max-w-40 min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm sm:max-w-64">
            <option value="">All domains (average)</option>
            {domains.map((d) => (
              <option key={d.id} value={d.id}>
                {d.host}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Show
          </button>
        </form>
      ) : null}
    </div>
  );
}
