import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Alert, Badge, ButtonLink, Card, CardBody, CardHeader, DataTable, EmptyState, PageHeader, ScanIcon, formatDateTime } from "@/components/ui";
import { GradeBadge, ScanStatusBadge } from "@/components/status/badges";
import { PillarScoreChart } from "@/components/charts/pillar-score-chart";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { PILLARS } from "@/components/status/pillars";
import { LaunchScanButton } from "@/components/scans/launch-scan-button";
import { VerificationLostBanner } from "@/components/domains/verification-lost-banner";
import { CompareWithPrevious, previousSucceededScans } from "@/components/scans/scan-comparison";
import { requireMembership } from "@/lib/auth/session";
import { listDomainScoreHistory } from "@/lib/services/scans/list-domain-score-history";
import { listScans } from "@/lib/services/scans/list-scans";
import { loadDomain } from "./load-domain";
import { loadDomainResult } from "@/lib/services/domain-result/load-domain-results";
import { trendFormat } from "@/components/charts/trend-labels";
import { ComposedPillars } from "@/components/domain-result/composed-pillars";
import { GradeExplanation } from "@/components/scans/grade-explanation";
import { DomainIntegrations } from "@/components/domains/domain-integrations";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Domain" };

const VERIFIED_WITH: Record<string, string> = { meta: "the meta tag", dns: "the DNS TXT record", file: "the well-known file" };

export default async function DomainPage({ params, searchParams }: PageProps<"/o/[orgSlug]/domains/[domainId]">) {
  const { orgSlug, domainId } = await params;
  // Set by "Verify now" when it succeeds: say so, and put the launch button in focus.
  const verifiedParam = (await searchParams).verified;
  const justVerifiedWith = typeof verifiedParam === "string" ? verifiedParam : undefined;
  const { organization, membership } = await requireMembership(orgSlug);
  const domain = await loadDomain(organization.id, domainId);
  const base = `/o/${organization.slug}`;
  const canWrite = roleAllows(membership.role, { role: "member" });
  // The same composition the badge, the directory and the API show (lib/services/domain-result).
  const result = await loadDomainResult({ orgId: organization.id, domainId: domain.id });
  const history = await listDomainScoreHistory({ orgId: organization.id, domainId: domain.id });
  const trendLabels = trendFormat(history);
  const latestScores = result ? PILLARS.filter((p) => result.pillars[p.id].score !== null).map((p) => ({ label: p.label, score: result.pillars[p.id].score ?? 0 })) : [];
  const { items: scans } = await listScans({ orgId: organization.id, domainId: domain.id, limit: 20 });
  const previousScans = previousSucceededScans(scans);
  const justVerified = Boolean(domain.verifiedAt && justVerifiedWith);

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
            {domain.verifiedAt ? (
              <Badge tone="success">Verified</Badge>
            ) : domain.verificationLostAt ? (
              <Badge tone="danger">Verification lost</Badge>
            ) : (
              <Badge tone="warning">Not verified</Badge>
            )}
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
              <LaunchScanButton
                orgId={organization.id}
                orgSlug={organization.slug}
                domains={[{ id: domain.id, host: domain.host }]}
                triggerLabel={scans.length === 0 ? "Launch first scan" : undefined}
                focusTrigger={justVerified}
              />
            ) : null}
          </>
        }
      />
      {justVerified ? (
        <Alert tone="success" title="Ownership verified" className="mb-6">
          Verified with {VERIFIED_WITH[justVerifiedWith ?? ""] ?? "one of the methods"}. {scans.length === 0 ? "Launch the first scan when you are ready." : "You can scan this domain now."}
        </Alert>
      ) : null}
      {!domain.verifiedAt && domain.verificationLostAt ? (
        <VerificationLostBanner
          host={domain.host}
          lostAt={domain.verificationLostAt}
          reason={domain.verificationLostReason}
          verifyHref={`${base}/domains/${domain.id}/verify`}
        />
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader title="Current result" description="Each pillar from the latest full scan that covered it." />
          <CardBody>
            {result && result.score !== null ? (
              <div className="space-y-3">
                <p className="flex items-baseline gap-3">
                  <span className="text-4xl font-semibold text-slate-900" data-testid="domain-grade">
                    {result.grade ?? "—"}
                  </span>
                  <span className="text-lg text-slate-700 tabular-nums">{result.score} / 100</span>
                </p>
                {latestScores.length > 0 && <PillarScoreChart caption={`Score of each pillar of ${domain.host}, composed from its latest scans`} scores={latestScores} />}
                {result.lastScanId ? (
                  <Link href={`${base}/scans/${result.lastScanId}`} className="inline-block text-sm font-medium text-brand-800 underline">
                    Open the latest scan
                  </Link>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600">
                {domain.verifiedAt
                  ? `No finished scan of at least ${domain.pageCount} pages yet. Start one to see the grade.`
                  : "Verify the domain, then scan it to get a grade."}
              </p>
            )}
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Score trend" description="The composed result after each finished scan." />
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

      {result ? (
        <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title="Pillars" description={`Scans of at least ${result.pageCount} pages count; re-checks never do.`} />
            <CardBody>
              <ComposedPillars result={result} scanHref={(id) => `${base}/scans/${id}`} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Why this grade" />
            <CardBody>
              <GradeExplanation
                id="domain-grade"
                score={result.score}
                scoreGrade={result.scoreGrade}
                grade={result.grade}
                cap={result.cap}
                capSource="domain"
                securityGrade={result.securityGrade}
                securityTests={result.securityTests}
              />
            </CardBody>
          </Card>
        </div>
      ) : null}

      {/* Provider calls (Cloudflare, Sentry) take a moment: the rest of the page does not wait for them. */}
      <Suspense fallback={<p className="mt-8 text-sm text-slate-600">Reading your integrations…</p>}>
        <DomainIntegrations orgId={organization.id} orgSlug={organization.slug} domainId={domain.id} canWrite={canWrite} />
      </Suspense>

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
              { key: "compare", header: "Compare", cell: (s) => <CompareWithPrevious scanId={s.id} previous={previousScans.get(s.id)} base={base} /> },
            ]}
          />
        )}
      </section>
    </>
  );
}
