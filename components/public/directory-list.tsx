import Link from "next/link";
import { formatDate } from "@/components/ui";
import { directoryPath, type DirectoryDomain } from "@/lib/services/directory/list-directory-domains";

/** Directory cards. Everything shown was typed by domain owners: plain text; links are ours or http(s) only. */
export function DirectoryList({ domains }: { domains: DirectoryDomain[] }) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="directory-list">
      {domains.map((d) => (
        <li key={d.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-base font-semibold break-all text-slate-900">
            <Link href={directoryPath(d.host)} className="underline-offset-2 hover:underline">
              {d.host}
            </Link>
          </h2>
          {d.organizationName ? <p className="text-sm text-slate-700">{d.organizationName}</p> : null}
          {d.description ? <p className="mt-2 line-clamp-3 text-sm break-words text-slate-600">{d.description}</p> : null}
          <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-1">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={`/api/v1/badge?id=${encodeURIComponent(d.id)}`}
              alt={d.score != null ? `Plumb score ${d.score}${d.grade ? `, grade ${d.grade}` : ""}` : "Plumb: not scanned yet"}
              height={20}
            />
            <span className="text-xs text-slate-600">{d.scannedAt ? `Scanned ${formatDate(d.scannedAt)}` : "Not scanned yet"}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
