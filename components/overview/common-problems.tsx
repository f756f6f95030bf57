import Link from "next/link";
import { SeverityBadge } from "@/components/status/badges";
import { PILLAR_LABELS } from "@/components/status/pillars";
import type { CommonProblem } from "@/lib/services/overview/list-common-problems";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Rules still open on the most domains: fix the shared template once. Each links to its findings. */
export function CommonProblems({ problems, base }: { problems: CommonProblem[]; base: string }) {
  return (
    <ol className="divide-y divide-slate-100" data-testid="common-problems">
      {problems.map((p) => (
        <li key={`${p.pillar}:${p.rule}`} className="flex flex-col gap-1 py-2.5 text-sm sm:flex-row sm:items-start sm:justify-between sm:gap-4">
          <div className="min-w-0">
            <Link href={`${base}/findings?q=${encodeURIComponent(p.rule)}`} className="font-medium break-words text-brand-800 underline-offset-2 hover:underline">
              {p.title}
            </Link>
            <p className="text-xs break-all text-slate-600">
              {PILLAR_LABELS[p.pillar]} · <code>{p.rule}</code>
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
            <SeverityBadge severity={p.severity} />
            <span className="font-semibold">{plural(p.domains, "domain", "domains")}</span>
            <span>{plural(p.instances, "place", "places")}</span>
          </div>
        </li>
      ))}
    </ol>
  );
}
