import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, Card, CardBody, CardHeader, PageHeader, formatDateTime } from "@/components/ui";
import { GradeBadge, ScanStatusBadge } from "@/components/status/badges";
import { requireMembership } from "@/lib/auth/session";
import { getCredits } from "@/lib/services/credits/get-credits";
import { PillarHeatmap } from "@/components/overview/pillar-heatmap";
import { PillarTrendChart } from "@/components/overview/pillar-trend-chart";
import { TrendControls } from "@/components/overview/trend-controls";
import { WorstPages } from "@/components/overview/worst-pages";
import { CommonProblems } from "@/components/overview/common-problems";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { getOverview } from "@/lib/services/overview/get-overview";
import { isServiceError } from "@/lib/services/errors";
import { isTrendRange, type TrendRange } from "@/lib/services/overview/trend-ranges";
import { getOrgOverview } from "@/lib/services/organizations/org-overview";
import { listRecentScans } from "@/lib/services/organizations/recent-items";
import type { Severity } from "@/generated/prisma/enums";
import { roleAllows } from "../access";

export const metadata: Metadata = { title: "Overview" };

const SEVERITIES: { id: Severity; label: string; bar: string }[] = [
  { id: "critical", label: "Critical", bar: "bg-red-700" },
  { id: "high", label: "High", bar: "bg-red-500" },
  { id: "medium", label: "Medium", bar: "bg-amber-500" },
  { id: "low", label: "Low", bar: "bg-sky-600" },
  { id: "info", label: "Info", bar: "bg-slate-400" },
];

const STEPS = [
  ["Add a domain", "The website you want audited, for example example.com."],
  ["Prove you own it", "Add a meta tag, a DNS TXT record or a file. Plumb only scans verified domains."],
  ["Run a scan", "Plumb loads your pages in a real browser and reports what it finds, with fixes."],
] as const;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function OverviewPage({ params, searchParams }: PageProps<"/o/[orgSlug]">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const sp = await searchParams;
  // Anything malformed falls back to the defaults: a hand-edited link still shows the overview.
  const rawRange = first(sp.range);
  const range: TrendRange = isTrendRange(rawRange) ? (Number(rawRange) as TrendRange) : 30;
  const overview = await getOrgOverview(organization.id);
  const rawTrend = first(sp.trend);
  const trendDomainId = rawTrend && rawTrend.length <= 64 ? rawTrend : undefined;
  // An unknown or foreign domain in the link shows the average instead.
  const data = await getOverview({ orgId: organization.id, range, trendDomainId }).catch((err: unknown) => {
    if (trendDomainId && isServiceError(err)) return getOverview({ orgId: organization.id, range });
    throw err;
  });
  const trendDomain = data.heatmap.rows.find((r) => r.domainId === rawTrend);
  const open = data.openBySeverity;
  const dateFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", ...(range === 365 ? { year: "numeric" } : {}) });
  const { balance } = await getCredits({ orgId: organization.id, limit: 1 });
  const recent = (await listRecentScans(organization.id)).slice(0, 5);
  const base = `/o/${organization.slug}`;
  const maxOpen = Math.max(1, ...SEVERITIES.map((s) => open[s.id]));
  const canWrite = roleAllows(membership.role, { role: "member" });

  const stats = [
    { label: "Domains", value: overview.domains, detail: `${overview.verifiedDomains} verified`, href: `${base}/domains` },
    { label: "Scans", value: overview.scans, detail: "all time", href: `${base}/scans` },
    { label: "Open findings", value: overview.openFindings, detail: "open or in progress", href: `${base}/findings` },
    { label: "Credits", value: balance, detail: "1 credit per pillar scanned", href: `${base}/settings` },
  ];

  return (
    <>
      <PageHeader eyebrow={organization.name} title="Overview" description="Where this organization's websites stand, pillar by pillar." />

      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading" className="sr-only">
          At a glance
        </h2>
        <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {stats.map((s) => (
            <li key={s.label}>
              <Link href={s.href} className="block rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm hover:border-slate-300 hover:bg-slate-50">
                <span className="block text-sm text-slate-600">{s.label}</span>
                <span className="mt-1 block text-2xl font-semibold text-slate-900 tabular-nums">{s.value}</span>
                <span className="block text-xs text-slate-600">{s.detail}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {overview.domains === 0 ? (
        <Card className="mt-6">
          <CardHeader
            title="Get started"
            description="Three steps to your first audit."
            actions={canWrite ? <ButtonLink href={`${base}/domains/new`}>Add your first domain</ButtonLink> : null}
          />
          <CardBody>
            <ol className="space-y-4">
              {STEPS.map(([title, text], i) => (
                <li key={title} className="flex gap-3">
                  <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-800">
                    {i + 1}
                  </span>
                  <div>
                    <p className="font-medium text-slate-900">{title}</p>
                    <p className="text-sm text-slate-600">{text}</p>
                  </div>
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      ) : (
        <>
        <Card className="mt-6">
          <CardHeader
            title="Pillars by domain"
            description={
              data.heatmap.total > data.heatmap.rows.length
                ? `The ${data.heatmap.rows.length} lowest-scoring of ${data.heatmap.total} domains, each pillar from its latest full scan.`
                : "Each pillar from the domain's latest full scan; the same scores as the domain pages and badges."
            }
          />
          <CardBody>
            <PillarHeatmap rows={data.heatmap.rows} base={base} />
          </CardBody>
        </Card>

        <Card className="mt-6" id="trends">
          <CardHeader
            title="Pillar trends"
            description={trendDomain ? `Pillar scores of ${trendDomain.host}.` : "Pillar scores averaged over the domains scanned by then."}
          />
          <CardBody>
            {/* In the body, not the header's actions slot (which never shrinks): the controls wrap at 375 px. */}
            <div className="mb-4 min-w-0">
              <TrendControls path={base} range={range} domainId={trendDomain?.domainId} domains={data.heatmap.rows.map((r) => ({ id: r.domainId, host: r.host }))} />
            </div>
            {data.trend.pillars.length === 0 ? (
              <p className="text-sm text-slate-600" data-testid="pillar-trend-empty">
                No finished scan in the last {range} days, so no trend yet.
              </p>
            ) : (
              <PillarTrendChart
                caption={`Pillar scores over the last ${range} days${trendDomain ? ` of ${trendDomain.host}` : ", average over domains"}, one point per ${data.trend.bucketDays === 1 ? "day" : `${data.trend.bucketDays} days`}`}
                series={data.trend.pillars.map((p) => ({ id: p, label: PILLAR_LABELS[p] }))}
                rows={data.trend.points.map((p) => ({ label: dateFormat.format(p.at), scores: p.scores }))}
              />
            )}
          </CardBody>
        </Card>

        <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title="Open findings by severity" />
            <CardBody>
              {overview.openFindings === 0 ? (
                <p className="text-sm text-slate-600">
                  {overview.scans === 0 ? "No scans yet, so no findings yet." : "No open findings. Everything found so far is resolved or triaged."}
                </p>
              ) : (
                <ul className="space-y-2">
                  {SEVERITIES.map((s) => (
                    <li key={s.id}>
                      <Link href={`${base}/findings?severity=${s.id}`}
                        className="flex items-center gap-3 rounded-md px-1 py-1 text-sm hover:bg-slate-50">
                        <span className="w-16 shrink-0 text-slate-700">{s.label}</span>{" "}
                        <span className="h-3 flex-1 rounded bg-slate-100" aria-hidden="true">
                          <span className={`block h-3 rounded ${s.bar}`} style={{ width: `${(open[s.id] / maxOpen) * 100}%` }} />
                        </span>
                        <span className="w-10 shrink-0 text-right font-semibold tabular-nums text-slate-900">{open[s.id]}</span>
                        <span className="sr-only"> open or in progress</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Latest scans" actions={overview.scans > 0 ? <Link href={`${base}/scans`} className="text-sm font-medium text-brand-800 underline">All scans</Link> : null} />
            <CardBody>
              {recent.length === 0 ? (
                <p className="text-sm text-slate-600">
                  {overview.verifiedDomains === 0 ? (
                    <>
                      No scans yet. <Link href={`${base}/domains`} className="font-medium text-brand-800 underline">Verify a domain</Link> to run the first one.
                    </>
                  ) : (
                    <>
                      No scans yet. <Link href={`${base}/scans`} className="font-medium text-brand-800 underline">Start one</Link>.
                    </>
                  )}
                </p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {recent.map((s) => (
                    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                      <Link href={`${base}/scans/${s.id}`} className="min-w-0 font-medium break-all text-brand-800 underline-offset-2 hover:underline">
                        {s.domain.host}
                      </Link>
                      <span className="flex items-center gap-2">
                        {s.status === "succeeded" ? <GradeBadge grade={s.grade} score={s.score} /> : <ScanStatusBadge status={s.status} />}
                        <span className="text-slate-600">{formatDateTime(s.createdAt)}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        </div>

        <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title="Worst pages" description="Pages of each domain's latest scan with the most severe findings, then the lowest page score." />
            <CardBody>
              {data.worstPages.length === 0 ? (
                <p className="text-sm text-slate-600">No scanned pages yet.</p>
              ) : (
                <WorstPages pages={data.worstPages} base={base} />
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Most common problems" description="Open problems found on the most domains: fix the shared template once." />
            <CardBody>
              {data.commonProblems.length === 0 ? (
                <p className="text-sm text-slate-600">No open problems.</p>
              ) : (
                <CommonProblems problems={data.commonProblems} base={base} />
              )}
            </CardBody>
          </Card>
        </div>
        </>
      )}
    </>
  );
}
