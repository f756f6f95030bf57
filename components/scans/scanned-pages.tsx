import { Badge } from "@/components/ui";

export interface ScannedPage {
  id: string;
  url: string;
  status: number | null;
  outcome: string;
  error: string | null;
  title: string | null;
  loadMs: number | null;
}

function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** The pages a scan visited. URL and title come from the scanned site: text only; links only for http(s). */
export function ScannedPages({ pages }: { pages: ScannedPage[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {pages.map((p) => {
        const href = safeHref(p.url);
        return (
          <li key={p.id} className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-center sm:gap-3">
            <span className="flex shrink-0 items-center gap-2">
              {p.outcome === "ok" ? <Badge tone="success">{p.status ?? "OK"}</Badge> : <Badge tone="danger">{p.outcome === "skipped" ? "Skipped" : "Error"}</Badge>}
            </span>
            <span className="min-w-0 flex-1">
              {href ? (
                <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-800 underline-offset-2 hover:underline">
                  {p.url}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              ) : (
                <span className="break-all">{p.url}</span>
              )}
              {p.title ? <span className="block truncate text-slate-600">{p.title.slice(0, 300)}</span> : null}
              {p.error ? <span className="block text-red-700">{p.error.slice(0, 300)}</span> : null}
            </span>
            {p.loadMs != null ? <span className="shrink-0 text-slate-600 tabular-nums">{(p.loadMs / 1000).toFixed(1)} s</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
