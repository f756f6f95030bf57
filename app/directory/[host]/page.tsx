import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Badge, Card, CardBody, CardHeader, formatDate } from "@/components/ui";
import { PublicFrame } from "@/components/public/public-frame";
import { ComposedPillars } from "@/components/domain-result/composed-pillars";
import { GradeExplanation } from "@/components/scans/grade-explanation";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { trendFormat } from "@/components/charts/trend-labels";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { getDirectoryDomain } from "@/lib/services/directory/get-directory-domain";

// The host as it appears in the URL: "example.com", or "localhost%3A8080" for a host with a port.
function hostParam(raw: string): string {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: PageProps<"/directory/[host]">): Promise<Metadata> {
  const host = hostParam((await params).host).slice(0, 300);
  return { title: `${host} — Plumb directory`, description: `Plumb audit result of ${host}, published by its owner.` };
}

const SEVERITY_TONE = { critical: "danger", high: "danger", medium: "warning", low: "info", info: "neutral" } as const;

export default async function DirectoryDomainPage({ params }: PageProps<"/directory/[host]">) {
  await connection();
  const page = await getDirectoryDomain({ host: hostParam((await params).host) });
  // Unlisted, unverified and unknown hosts look the same: a 404.
  if (!page) notFound();
  const { domain, result, trend, findings } = page;
  const siteUrl = `${domain.scheme === "http" ? "http" : "https"}://${domain.host}/`;
  const labels = trendFormat(trend);
  return (
    <PublicFrame>
      <p className="text-sm">
        <Link href="/directory" className="font-medium text-brand-800 underline-offset-2 hover:underline">
          Directory
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight break-all text-slate-900">{domain.host}</h1>
      {domain.organizationName ? <p className="mt-1 text-slate-700">{domain.organizationName}</p> : null}
      {domain.description ? <p className="mt-2 max-w-2xl break-words text-slate-600">{domain.description}</p> : null}
      <p className="mt-2 text-sm">
        <a href={siteUrl} rel="noopener noreferrer nofollow" className="break-all text-brand-800 underline">
          Visit {domain.host}
        </a>
      </p>

      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader title="Grade" />
          <CardBody>
            <p className="flex items-baseline gap-3">
              <span className="text-5xl font-semibold text-slate-900" data-testid="public-grade">
                {result.grade ?? "—"}
              </span>
              <span className="text-xl text-slate-700 tabular-nums">{result.score ?? "—"} / 100</span>
            </p>
            <p className="mt-3 text-sm text-slate-600" data-testid="public-last-scan">
              {result.scannedAt ? `Last scan ${formatDate(result.scannedAt)}` : "Not scanned yet"}
            </p>
            {result.securityGrade ? (
              <p className="mt-1 text-sm text-slate-700">
                Security grade <strong className="text-slate-900">{result.securityGrade}</strong>
              </p>
            ) : null}
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Pillars" description="Each pillar from the latest full scan that covered it." />
          <CardBody>
            <ComposedPillars result={result} />
          </CardBody>
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader title="Why this grade" />
        <CardBody>
          <GradeExplanation
            id="public-grade"
            score={result.score}
            scoreGrade={result.scoreGrade}
            grade={result.grade}
            cap={result.cap ? { severity: result.cap.severity, grade: result.cap.grade, applied: result.cap.applied, ...(findings ? { findings: result.cap.findings } : {}) } : null}
            capSource="domain"
            securityGrade={result.securityGrade}
            // The tests name what fails: findings detail, shown only when the owner opted in.
            securityTests={findings ? result.securityTests : null}
          />
        </CardBody>
      </Card>

      <Card className="mt-6">
        <CardHeader title="Score trend" description="The overall result after each scan." />
        <CardBody>
          {trend.length >= 2 ? (
            <ScoreTrendChart
              caption={`Overall score of ${domain.host} after each of its last ${trend.length} scans`}
              points={trend.map((p) => ({ label: labels.format(p.finishedAt), score: p.score, grade: p.grade }))}
            />
          ) : (
            <p className="text-sm text-slate-600">{trend.length === 1 ? "One scan so far; the trend appears after the second." : "No scan yet."}</p>
          )}
        </CardBody>
      </Card>

      {findings ? (
        <Card className="mt-6">
          <CardHeader title={`Open findings (${findings.total})`} description="Published by the owner: titles and severities only." />
          <CardBody>
            <p className="flex flex-wrap gap-2 text-sm" data-testid="public-finding-counts">
              {(["critical", "high", "medium", "low", "info"] as const).map((s) => (
                <Badge key={s} tone={SEVERITY_TONE[s]}>
                  {findings.bySeverity[s]} {s}
                </Badge>
              ))}
            </p>
            {findings.items.length > 0 ? (
              <ul className="mt-4 divide-y divide-slate-100 text-sm" data-testid="public-findings">
                {findings.items.map((f, i) => (
                  <li key={i} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
                    <Badge tone={SEVERITY_TONE[f.severity]}>{f.severity}</Badge>
                    <span className="min-w-0 flex-1 break-words text-slate-900">{f.title}</span>
                    <span className="text-xs text-slate-600">{PILLAR_LABELS[f.pillar]}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </CardBody>
        </Card>
      ) : null}
    </PublicFrame>
  );
}
