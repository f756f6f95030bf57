import Link from "next/link";
import { SeverityBadge } from "@/components/status/badges";
import { PILLAR_LABELS } from "@/components/status/pillars";
import type { Finding } from "@/generated/prisma/client";

interface Props {
  added: Finding[];
  fixed: Finding[];
  previousHref: string | null;
  findingHref: (f: Finding) => string;
}

function List({ items, empty, findingHref, label }: { items: Finding[]; empty: string; findingHref: (f: Finding) => string; label: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label={label}>
      {items.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
          <SeverityBadge severity={f.severity} />
          <span className="text-slate-600">{PILLAR_LABELS[f.pillar]}</span>
          {/* Titles come from scanned sites: rendered as text, never as HTML. */}
          <Link href={findingHref(f)} className="min-w-0 break-words text-slate-900 underline-offset-2 hover:underline">
            {f.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** "New vs fixed since the last scan" of the same domain. */
export function ScanChanges({ added, fixed, previousHref, findingHref }: Props) {
  if (!previousHref) {
    return <p className="text-sm text-slate-600">This is the first finished scan of this domain; the next one will show what changed.</p>;
  }
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">New ({added.length})</h3>
        <List items={added} empty="Nothing new since the previous scan." findingHref={findingHref} label="New findings" />
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Fixed ({fixed.length})</h3>
        <List items={fixed} empty="Nothing fixed since the previous scan." findingHref={findingHref} label="Fixed findings" />
      </div>
      <p className="text-sm md:col-span-2">
        <Link href={previousHref} className="font-medium text-brand-800 underline">
          Open the previous scan
        </Link>
      </p>
    </div>
  );
}
