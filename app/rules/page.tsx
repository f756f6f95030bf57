import type { Metadata } from "next";
import Link from "next/link";
import { PublicFrame } from "@/components/public/public-frame";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { allRules } from "@/lib/reports/rule-catalog";
import { PILLARS } from "@/lib/scanner/types";

export const metadata: Metadata = { title: "Rules — Plumb", description: "Every check Plumb runs, by pillar." };

export default function RulesPage() {
  const rules = allRules();
  return (
    <PublicFrame>
      <div className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Rules</h1>
        <p className="mt-1 text-slate-700">Every check Plumb runs ({rules.length}), by pillar.</p>
        {PILLARS.map((p) => (
          <section key={p} className="mt-6">
            <h2 className="text-lg font-semibold">{PILLAR_LABELS[p]}</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {rules
                .filter((r) => r.pillar === p)
                .map((r) => (
                  <li key={r.rule} className="break-words">
                    <Link href={`/rules/${encodeURIComponent(r.rule)}`} className="font-mono text-brand-800 underline-offset-2 hover:underline">
                      {r.rule}
                    </Link>{" "}
                    — {r.title}
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </PublicFrame>
  );
}
