import type { Metadata } from "next";
import Link from "next/link";
import { Badge, ButtonLink, Card, CardBody, CardHeader, DataTable, EmptyState, PageHeader, ScanIcon, formatDateTime } from "@/components/ui";
import { GradeBadge, ScanStatusBadge } from "@/components/status/badges";
import { PillarScoreChart } from "@/components/charts/pillar-score-chart";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { PILLARS } from "@/components/status/pillars";
import { LaunchScanButton } from "@/components/scans/launch-scan-button";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/services/organizations/roles";
import { listDomainScoreHistory } from "@/lib/services/scans/list-domain-score-history";
import { listScans } from "@/lib/services/scans/list-scans";
import { loadDomain } from "./load-domain";

export const metadata: Metadata = { title: "Domain" };

const shortDate = new Intl.DateTimeFormat("en", { month: "short", day: "numeric" });
const dayAndTime = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
const dayAndSeconds = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" });

/** The coarsest date format that still tells every point apart (scans minutes apart need the time). */
function trendFormat(points: { finishedAt: Date }[]): Intl.DateTimeFormat {
  const distinct = (f: Intl.DateTimeFormat) => new Set(points.map((p) => f.format(p.finishedAt))).size === points.length;
  return [shortDate, dayAndTime].find(distinct) ?? dayAndSeconds;
}

export default async function DomainPage({ params }: PageProps<"/o/[orgSlug]/domains/[domainId]">) {
  const { orgSlug, domainId } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const domain = await loadDomain(organization.id, domainId);
  const base = `/o/${organization.slug}`;
  const canWrite = hasRole(membership.role, "member");
  const history = await listDomainScoreHistory({ orgId: organization.id, domainId: domain.id });
  const trendLabels = trendFormat(history);
  const latest = history.at(-1);
  const latestScores =
    latest && latest.scanId === domain.lastScanId
      ? PILLARS.filter((p) => latest.scores[p.id] !== undefined).map((p) => ({ label: p.label, score: latest.scores[p.id] ?? 0 }))
      : [];
  const { items: scans } = await listScans({ orgId: organization.id, domainId: domain.id, limit: 20 });

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`${base}/domains`} className="underline-offset-2 hover:underline">
            Domains
          </Link>
        }
        title={<span className="break-all">{domain.host}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {domain.verifiedAt ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Not verified</Badge>}
            <span>
              {domain.schedule === "off" ? "Scanned on demand" : `Scanned ${domain.schedule}`}
              {domain.directoryEnabled ? " · listed in the public directory" : ""}
            </span>
          </span>
        }
        actions={
          <>
            <ButtonLink href={`${base}/domains/${domain.id}/settings`} variant="secondary">
              Settings &amp; badge
            </ButtonLink>
            {!domain.verifiedAt ? (
              <ButtonLink href={`${base}/domains/${domain.id}/verify`}>Verify ownership</ButtonLink>
            ) : canWrite ? (
              <LaunchScanButton orgId={organization.id} orgSlug={organization.slug} domains={[{ id: domain.id, host: domain.host }]} />
            ) : null}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader title="Latest result" />
          <CardBody>
            {domain.lastScore != null && domain.lastScanId ? (
              <div className="space-y-3">
                <p className="flex items-baseline gap-3">
                  <span className="text-4xl font-semibold text-slate-900">{domain.lastGrade ?? "—"}</span>
                  <span className="text-lg text-slate-700 tabular-nums">{domain.lastScore} / 100</span>
                </p>
                {latestScores.length > 0 && <PillarScoreChart caption={`Score of each pillar in the latest scan of ${domain.host}`} scores={latestScores} />}
                <Link href={`${base}/scans/${domain.lastScanId}`} className="inline-block text-sm font-medium text-brand-800 underline">
                  Open the latest scan
                </Link>
              </div>
            ) : (
              <p className="text-sm text-slate-600">
                {domain.verifiedAt ? "No finished scan yet. Start one to see the grade." : "Verify the domain, then scan it to get a grade."}
              </p>
            )}
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Score trend" description="Overall score of each finished scan." />
          <CardBody>
            {history.length >= 2 ? (
              <ScoreTrendChart
                caption={`Overall score of the last ${history.length} scans of ${domain.host}`}
                points={history.map((h) => ({
                  label: trendLabels.format(h.finishedAt),
                  score: h.score,
                  grade: h.grade,
                }))}
              />
            ) : (
              <p className="text-sm text-slate-600">
                {history.length === 1 ? `One finished scan so far (score ${history[0].score}). The trend appears after the second.` : "The trend appears after two finished scans."}
              </p>
            )}
          </CardBody>
        </Card>
      </div>

      <section aria-labelledby="history-heading" className="mt-8">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Scan history
        </h2>
        {scans.length === 0 ? (
          <EmptyState
            icon={<ScanIcon className="size-6" />}
            as="h3"
            title="No scans of this domain yet"
            description={domain.verifiedAt ? "Start a scan with the button at the top of the page." : "Verify ownership first; Plumb only scans verified domains."}
          />
        ) : (
          <DataTable
            caption={`Scans of ${domain.host}, newest first`}
            rows={scans}
            rowKey={(s) => s.id}
            columns={[
              {
                key: "when",
                header: "Started",
                cell: (s) => (
                  <Link href={`${base}/scans/${s.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {formatDateTime(s.createdAt)}
                  </Link>
                ),
              },
              { key: "status", header: "Status", cell: (s) => <ScanStatusBadge status={s.status} /> },
              { key: "grade", header: "Grade", cell: (s) => (s.status === "succeeded" ? <GradeBadge grade={s.grade} score={s.score} /> : "—") },
              { key: "pillars", header: "Pillars", hideOnMobile: true, cell: (s) => s.pillars.length },
              { key: "pages", header: "Pages", hideOnMobile: true, cell: (s) => s.pagesDone },
              { key: "trigger", header: "Trigger", hideOnMobile: true, cell: (s) => <span className="capitalize">{s.trigger}</span> },
            ]}
          />
        )}
      </section>
    </>
  );
}
