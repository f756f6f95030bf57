import type { DirectoryDomain } from "@/lib/services/directory/list-directory-domains";

/** Directory cards. Everything shown was typed by domain owners: plain text; the site link is http(s) only. */
export function DirectoryList({ domains }: { domains: DirectoryDomain[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {domains.map((d) => {
        const href = `${d.scheme === "http" ? "http" : "https"}://${d.host}/`;
        return (
          <li key={d.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-base font-semibold break-all text-slate-900">
              <a href={href} rel="noopener noreferrer nofollow" className="underline-offset-2 hover:underline">
                {d.host}
              </a>
            </h2>
            {d.organizationName ? <p className="text-sm text-slate-700">{d.organizationName}</p> : null}
            {d.description ? <p className="mt-2 line-clamp-3 text-sm text-slate-600">{d.description}</p> : null}
            <div className="mt-4">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={`/api/v1/badge?id=${encodeURIComponent(d.id)}`}
                alt={d.lastScore != null ? `Plumb score ${d.lastScore}${d.lastGrade ? `, grade ${d.lastGrade}` : ""}` : "Plumb: not scanned yet"}
                height={20}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
