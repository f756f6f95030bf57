// "Before and after consent" on the scan result: per page, three columns side by side — what ran before any
// choice, what only Accept added, what appeared despite Reject. Server-rendered, no client code. Every name
// here came from the scanned site: React escapes it, and long names wrap instead of widening the page.
import { trackerForHost } from "@/lib/scanner/data/trackers";
import type { StoredConsentReport } from "@/lib/services/scans/consent-report";
import { cn } from "@/components/ui/cn";

type ConsentPage = StoredConsentReport["pages"][number];
type Snapshot = ConsentPage["before"];

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

function cmpLabel(cmp: string | null): string {
  if (!cmp) return "No consent banner found";
  if (cmp.startsWith("HEURISTIC")) return "Generic cookie banner";
  return `Consent manager: ${cmp}`;
}

function Items({ snapshot, tone, empty }: { snapshot: Snapshot; tone: "neutral" | "warn" | "bad"; empty: string }) {
  const hosts = snapshot.hosts.filter((h) => h.thirdParty);
  const cookies = snapshot.cookies;
  if (hosts.length === 0 && cookies.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  const itemClass = cn(
    "break-all rounded px-1.5 py-0.5 text-xs",
    tone === "bad" ? "bg-red-50 text-red-900" : tone === "warn" ? "bg-amber-50 text-amber-900" : "bg-slate-100 text-slate-800",
  );
  return (
    <div className="space-y-2">
      {hosts.length > 0 ? (
        <div>
          <p className="text-xs font-medium text-slate-600">Third parties ({hosts.length})</p>
          <ul className="mt-1 flex flex-wrap gap-1">
            {hosts.slice(0, 40).map((h) => {
              const tracker = trackerForHost(h.host);
              return (
                <li key={h.host} className={itemClass}>
                  {h.host}
                  {tracker ? <span className="font-semibold"> · {tracker.name}</span> : null}
                </li>
              );
            })}
            {hosts.length > 40 ? <li className="text-xs text-slate-600">+{hosts.length - 40} more</li> : null}
          </ul>
        </div>
      ) : null}
      {cookies.length > 0 ? (
        <div>
          <p className="text-xs font-medium text-slate-600">Cookies ({cookies.length})</p>
          <ul className="mt-1 flex flex-wrap gap-1">
            {cookies.slice(0, 40).map((c) => (
              <li key={`${c.name}@${c.domain}`} className={itemClass} title={c.domain}>
                {c.name}
                {c.thirdParty ? <span className="font-semibold"> · 3rd party</span> : null}
              </li>
            ))}
            {cookies.length > 40 ? <li className="text-xs text-slate-600">+{cookies.length - 40} more</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function Column({ title, note, children, testId }: { title: string; note?: string; children: React.ReactNode; testId: string }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 p-3" data-testid={testId}>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {note ? <p className="mb-2 text-xs text-slate-600">{note}</p> : <div className="mb-2" />}
      {children}
    </div>
  );
}

function PageComparison({ page }: { page: ConsentPage }) {
  const trackedBefore = page.cmp !== null && (page.before.hosts.some((h) => h.thirdParty && trackerForHost(h.host)) || page.before.cookies.some((c) => c.thirdParty));
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
      <Column title="Before any choice" note="What a visitor gets before answering the banner." testId="consent-before">
        <Items snapshot={page.before} tone={trackedBefore ? "warn" : "neutral"} empty="No third party, no cookie." />
      </Column>
      <Column
        title="Only after Accept"
        note={page.accept && !page.accept.done && page.cmp ? `Could not accept: ${page.accept.error ?? "no Accept button found"}` : undefined}
        testId="consent-accept"
      >
        {page.accept && page.cmp ? <Items snapshot={page.accept.added} tone="neutral" empty="Nothing new." /> : <p className="text-sm text-slate-600">No banner to accept.</p>}
      </Column>
      <Column
        title="After Reject"
        note={page.reject ? (page.reject.done ? "What appeared despite the refusal." : page.reject.offered ? `Could not reject: ${page.reject.error ?? "failed"}` : "No way to reject was found.") : undefined}
        testId="consent-reject"
      >
        {page.reject?.done ? (
          <Items snapshot={page.reject.added} tone="bad" empty="Nothing new: the refusal is honoured." />
        ) : (
          <p className="text-sm text-slate-600">{page.reject ? (page.reject.offered ? "The refusal could not be tested." : "The banner offers no way to refuse.") : "No banner to reject."}</p>
        )}
      </Column>
    </div>
  );
}

export function ConsentComparison({ report }: { report: StoredConsentReport }) {
  if (report.pages.length === 0) return <p className="text-sm text-slate-600">No page could be loaded for the consent comparison.</p>;
  // Pages with a banner first: that is where the comparison says something.
  const pages = [...report.pages].sort((a, b) => Number(b.cmp !== null) - Number(a.cmp !== null));
  return (
    <div className="space-y-3" data-testid="consent-comparison">
      {pages.map((page, i) => (
        <details key={page.url} open={i < 3} className="rounded-md border border-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-sm">
            <span className="font-medium break-all text-slate-900">{pathOf(page.url)}</span>
            <span className="text-slate-600"> — {cmpLabel(page.cmp)}</span>
          </summary>
          <div className="border-t border-slate-200 p-3">
            <PageComparison page={page} />
          </div>
        </details>
      ))}
      <p className="text-xs text-slate-600">
        Each page was loaded twice more in a fresh browser profile: once accepting its banner, once rejecting it (@duckduckgo/autoconsent rules, or a
        generic Accept/Reject button). These loads took {(report.ms / 1000).toFixed(1)} s in all.
      </p>
    </div>
  );
}
