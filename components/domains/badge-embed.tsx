import { CopyButton } from "./copy-button";

interface Props {
  /** absolute origin of this Plumb instance, e.g. https://plumb.example */
  origin: string;
  domainId: string;
  host: string;
  /** listed in the public directory: the badge links to the domain's page there */
  listed?: boolean;
}

/** The score badge, ready to paste into a site or a README, with the live badge itself as the preview. */
export function BadgeEmbed({ origin, domainId, host, listed = false }: Props) {
  const src = `${origin}/api/v1/badge?id=${encodeURIComponent(domainId)}`;
  const alt = `Plumb score for ${host}`;
  const link = listed ? `${origin}/directory/${encodeURIComponent(host)}` : `${origin}/directory`;
  const escapedAlt = alt.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const snippets = [
    { id: "html", label: "HTML", value: `<a href="${link}"><img src="${src}" alt="${escapedAlt}"></a>` },
    { id: "markdown", label: "Markdown", value: `[![${alt.replace(/[[\]]/g, "")}](${src})](${link})` },
  ];
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm font-medium text-slate-800">Preview</p>
        <div className="mt-2 flex min-h-12 items-center rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-3">
          {/* The real badge from this server: what visitors will see (caches refresh it within minutes). */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={`/api/v1/badge?id=${encodeURIComponent(domainId)}`} alt={alt} height={20} />
        </div>
      </div>
      {snippets.map((s) => (
        <div key={s.id}>
          <p className="text-sm font-medium text-slate-800">
            {s.label}
          </p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-start">
            <code className="block min-w-0 flex-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all text-slate-900">
              {s.value}
            </code>
            <CopyButton value={s.value} label={`Copy the ${s.label} snippet`} />
          </div>
        </div>
      ))}
    </div>
  );
}
