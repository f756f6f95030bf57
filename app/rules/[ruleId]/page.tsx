import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, CardBody } from "@/components/ui";
import { PublicFrame } from "@/components/public/public-frame";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { ruleInfo } from "@/lib/reports/rule-catalog";

function ruleParam(raw: string): string {
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return raw.slice(0, 200);
  }
}

export async function generateMetadata({ params }: PageProps<"/rules/[ruleId]">): Promise<Metadata> {
  const info = ruleInfo(ruleParam((await params).ruleId));
  return { title: info ? `${info.rule} — Plumb rule` : "Unknown rule", description: info?.checks };
}

const SEVERITY_TONE = { critical: "danger", high: "danger", medium: "warning", low: "info", info: "neutral" } as const;

/** What one scanner rule checks and how to fix it: the page SARIF results link to (helpUri). Public. */
export default async function RulePage({ params }: PageProps<"/rules/[ruleId]">) {
  const info = ruleInfo(ruleParam((await params).ruleId));
  if (!info) notFound();
  return (
    <PublicFrame>
      <div className="mx-auto max-w-3xl px-4 py-8">
        <p className="text-sm text-slate-600">
          <Link href="/rules" className="underline-offset-2 hover:underline">
            Rules
          </Link>{" "}
          · {PILLAR_LABELS[info.pillar]}
        </p>
        <h1 className="mt-1 text-2xl font-semibold break-words">{info.title}</h1>
        <p className="mt-1 font-mono text-sm break-all text-slate-700">{info.rule}</p>
        <Card className="mt-6">
          <CardBody>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="font-medium">Pillar</dt>
              <dd>{PILLAR_LABELS[info.pillar]}</dd>
              <dt className="font-medium">Default severity</dt>
              <dd>
                <Badge tone={SEVERITY_TONE[info.severity]}>{info.severity}</Badge>
              </dd>
              <dt className="font-medium">Score weight</dt>
              <dd>{info.weight === 0 ? "informational (does not affect the score)" : info.weight}</dd>
              <dt className="font-medium">Runs</dt>
              <dd>{info.scope === "page" ? "on every page" : "once per site"}</dd>
              {info.wcag ? (
                <>
                  <dt className="font-medium">WCAG</dt>
                  <dd>
                    Level {info.wcag.level}
                    {info.wcag.criteria.length ? `, success criteria ${info.wcag.criteria.join(", ")}` : ""}
                  </dd>
                </>
              ) : null}
            </dl>
          </CardBody>
        </Card>
        <h2 className="mt-8 text-lg font-semibold">What it checks</h2>
        <p className="mt-2">{info.checks}</p>
        <h2 className="mt-8 text-lg font-semibold">How to fix it</h2>
        {info.fix ? <p className="mt-2">{info.fix}</p> : null}
        <p className="mt-2 text-slate-700">
          Every finding of this rule names the pages and elements or assets where it was seen and carries the concrete fix for them. Fix the code or
          configuration that produces them, then scan again: the finding resolves when the rule no longer fails.
        </p>
      </div>
    </PublicFrame>
  );
}
