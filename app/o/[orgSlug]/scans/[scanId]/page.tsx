import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, ButtonLink, buttonClasses, Card, CardBody, CardHeader, PageHeader, formatDateTime } from "@/components/ui";
import { ScanStatusBadge } from "@/components/status/badges";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { PillarScoreChart } from "@/components/charts/pillar-score-chart";
import { FindingsMatrix } from "@/components/scans/findings-matrix";
import { ScanChanges } from "@/components/scans/scan-changes";
import { ScanGradeExplanation } from "@/components/scans/grade-explanation";
import { PageMetricsTable } from "@/components/scans/page-metrics-table";
import { CoreWebVitals } from "@/components/scans/core-web-vitals";
import { ScanDuration } from "@/components/scans/scan-duration";
import { summarizeVitals } from "@/lib/services/scans/core-web-vitals";
import { severityCounts } from "@/lib/services/scans/scan-status";
import { ScanProgress } from "@/components/scans/scan-progress";
import { CancelScanButton } from "@/components/scans/cancel-scan-button";
import { cancelScanAction } from "../actions";
import { analyzeScanAction, createShareLinkAction, revokeShareLinkAction } from "../publish-actions";
import { ExplainScan } from "@/components/publish/explain-scan";
import { ShareLinksPanel } from "@/components/publish/share-links-panel";
import { getStoredScanAnalysis } from "@/lib/services/analysis/get-stored-scan-analysis";
import { analysisSettings } from "@/lib/services/analysis/ai-settings";
import { listShareLinks } from "@/lib/services/share-links/list-share-links";
import { createReportAction } from "../../reports/actions";
import { NewReportDialog } from "@/components/reports/new-report-dialog";
import type { Pillar, Severity } from "@/generated/prisma/enums";
import { requireMembership } from "@/lib/auth/session";
import { getDomainOrThrow } from "@/lib/services/domains/get-domain";
import { isServiceError } from "@/lib/services/errors";
import { countScanFindings } from "@/lib/services/scans/count-scan-findings";
import { getScanChanges } from "@/lib/services/scans/get-scan-changes";
import { getScanRowOrThrow } from "@/lib/services/scans/get-scan";
import { listScanPages } from "@/lib/services/scans/list-scan-pages";
import { listDeviceFindings, summarizeDevices } from "@/lib/services/scans/summarize-devices";
import { DeviceComparison } from "@/components/scans/device-comparison";
import { readConsentReport } from "@/lib/services/scans/consent-report";
import { ConsentComparison } from "@/components/scans/consent-comparison";
import { ThirdPartiesSection } from "@/components/scans/third-parties-section";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Scan" };

async function loadScan(orgId: string, scanId: string) {
  try {
    return await getScanRowOrThrow({ orgId, scanId });
  } catch (err) {
    if (isServiceError(err) && err.code === "not_found") notFound();
    throw err;
  }
}

function pillarScores(value: unknown): Partial<Record<Pillar, number>> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "number")) as Partial<Record<Pillar, number>>;
}

export default async function ScanPage({ params }: PageProps<"/o/[orgSlug]/scans/[scanId]">) {
  const { orgSlug, scanId } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const scan = await loadScan(organization.id, scanId);
  const domain = await getDomainOrThrow({ orgId: organization.id, domainId: scan.domainId });
  const base = `/o/${organization.slug}`;
  const live = scan.status === "queued" || scan.status === "running";
  const findingsHref = (pillar?: Pillar, severity?: Severity) => {
    const q = new URLSearchParams({ domain: domain.id });
    if (pillar) q.set("pillar", pillar);
    if (severity) q.set("severity", severity);
    return `${base}/findings?${q}`;
  };

  const header = (
    <PageHeader
      eyebrow={
        <Link href={`${base}/domains/${domain.id}`} className="break-all underline-offset-2 hover:underline">
          {domain.host}
        </Link>
      }
      title={live ? "Scan in progress" : "Scan result"}
      description={
        <span className="flex flex-wrap items-center gap-2">
          <ScanStatusBadge status={scan.status} />
          <span>
            Started {formatDateTime(scan.createdAt)} · {scan.pillars.length} pillar{scan.pillars.length === 1 ? "" : "s"} · up to {scan.maxPages} page
            {scan.maxPages === 1 ? "" : "s"} · {scan.devices.join(" + ")}
            {scan.consent ? " · before/after consent" : ""}
          </span>
        </span>
      }
      actions={
        scan.status === "succeeded" ? (
          <>
            <ButtonLink href={findingsHref()} variant="secondary">
              Triage findings
            </ButtonLink>
            <a href={`${base}/scans/${scan.id}/fix`} download className={buttonClasses()}>
              Download SECURITY-FIX.md
            </a>
            {roleAllows(membership.role, { role: "member" }) ? (
              <NewReportDialog orgSlug={organization.slug} scans={[]} domains={[]} scanId={scan.id} triggerLabel="Create report" action={createReportAction.bind(null, organization.slug)} />
            ) : null}
          </>
        ) : null
      }
    />
  );

  if (live) {
    return (
      <>
        {header}
        <ScanProgress orgSlug={organization.slug} scanId={scan.id} pillars={scan.pillars} initial={{ status: scan.status, pagesDone: scan.pagesDone, pagesTotal: scan.pagesTotal, startedAt: scan.startedAt?.toISOString() ?? null }} />
        {roleAllows(membership.role, { role: "member" }) ? (
          <div className="mt-4">
            <CancelScanButton action={cancelScanAction.bind(null, organization.slug, scan.id)} />
          </div>
        ) : null}
      </>
    );
  }

  if (scan.status !== "succeeded") {
    return (
      <>
        {header}
        <Alert tone={scan.status === "failed" ? "danger" : "info"} title={scan.status === "failed" ? "The scan failed" : "The scan was canceled"}>
          <p>{scan.error ?? "No reason was recorded."}</p>
          <p className="mt-1">The credits reserved for it were refunded{scan.creditsCharged ? `, except ${scan.creditsCharged}` : ""}.</p>
        </Alert>
      </>
    );
  }

  const scores = pillarScores(scan.scores);
  const counts = await countScanFindings({ orgId: organization.id, scanId: scan.id });
  const changes = await getScanChanges({ orgId: organization.id, scanId: scan.id });
  const pages = await listScanPages({ orgId: organization.id, scanId: scan.id });
  const total = counts.reduce((n, c) => n + c.count, 0);
  const stored = await getStoredScanAnalysis({ orgId: organization.id, scanId: scan.id });
  const ai = analysisSettings();
  const shareLinks = await listShareLinks({ orgId: organization.id, scanId: scan.id, limit: 50 });
  const canWrite = roleAllows(membership.role, { role: "member" });
  const deviceSummaries = scan.devices.length > 1 ? summarizeDevices(pages) : [];
  const deviceFindings = scan.devices.length > 1 ? await listDeviceFindings({ orgId: organization.id, scanId: scan.id }) : [];
  const consentReport = scan.consent ? readConsentReport(scan.consentReport) : null;

  return (
    <>
      {header}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader title="Overall" />
          <CardBody>
            <p className="flex items-baseline gap-3">
              <span className="text-5xl font-semibold text-slate-900" data-testid="overall-grade">
                {scan.grade ?? "—"}
              </span>
              <span className="text-xl text-slate-700 tabular-nums">{scan.score ?? "—"} / 100</span>
            </p>
            <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
              {scan.securityGrade ? (
                <div>
                  <dt className="text-slate-600">Security grade</dt>
                  <dd className="font-semibold text-slate-900">{scan.securityGrade}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-slate-600">Pages scanned</dt>
                <dd className="font-semibold text-slate-900 tabular-nums">{scan.pagesDone}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Findings</dt>
                <dd className="font-semibold text-slate-900 tabular-nums">{total}</dd>
              </div>
              <ScanDuration durationMs={scan.durationMs} startedAt={scan.startedAt} finishedAt={scan.finishedAt} />
              <div>
                <dt className="text-slate-600">Credits charged</dt>
                <dd className="font-semibold text-slate-900 tabular-nums">{scan.creditsCharged}</dd>
              </div>
            </dl>
            <p className="mt-4 text-xs text-slate-600">The overall grade is capped by the worst open severity.</p>
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Scores by pillar" description="0–100, weighted pass rate of each pillar's checks." />
          <CardBody>
            {Object.keys(scores).length > 0 ? (
              <PillarScoreChart
                caption="Score of each pillar in this scan"
                scores={scan.pillars.filter((p) => scores[p] !== undefined).map((p) => ({ label: PILLAR_LABELS[p], score: scores[p] ?? 0 }))}
              />
            ) : (
              <p className="text-sm text-slate-600">No pillar scores were recorded for this scan.</p>
            )}
          </CardBody>
        </Card>
      </div>

      {Array.isArray(scan.gateResult) && scan.gateResult.length > 0 ? (
        <Card className="mt-6">
          <CardHeader title="Quality gates" description="The organization's gate policies, judged on this scan's open findings and scores." />
          <CardBody>
            <ul className="space-y-2 text-sm" data-testid="gate-results">
              {(scan.gateResult as { policy_id: string; name: string; passed: boolean; reasons: string[] }[]).map((g) => (
                <li key={g.policy_id} className="break-words">
                  <span className={g.passed ? "font-semibold text-green-800" : "font-semibold text-red-800"}>{g.passed ? "Passed" : "Failed"}</span>{" "}
                  <span className="font-medium text-slate-900">{g.name}</span>
                  {g.reasons.length ? <span className="text-slate-700"> — {g.reasons.join("; ")}</span> : null}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}

      <Card className="mt-6">
        <CardHeader title="Explain this scan" description="In plain language: what is at risk, how findings combine, what to do in the next 30 days." />
        <CardBody>
          <ExplainScan
            initial={stored ? { source: stored.source, model: stored.model, cached: true, creditsCharged: 0, fallbackReason: null, analysis: stored.analysis } : null}
            canRun={canWrite}
            costNote={ai.ai ? `An AI analysis costs ${ai.cost} credits once; it is saved with the scan.` : "Rule-based (no AI model configured): free."}
            action={analyzeScanAction.bind(null, organization.slug, scan.id)}
          />
        </CardBody>
      </Card>

      <Card className="mt-6">
        <CardHeader title="Why this grade" description="How this scan's score, its findings and its security tests make the grade." />
        <CardBody>
          <ScanGradeExplanation scan={scan} />
        </CardBody>
      </Card>

      <Card className="mt-6">
        <CardHeader title="Findings by pillar and severity" description="Select a number to open those findings in the triage screen." />
        <CardBody>
          {total > 0 ? (
            <FindingsMatrix counts={counts} pillars={scan.pillars} href={findingsHref} />
          ) : (
            <p className="text-sm text-slate-600">No findings on the pillars scanned. Nothing to fix.</p>
          )}
        </CardBody>
      </Card>

      {scan.consent ? (
        <Card className="mt-6">
          <CardHeader
            title="Before and after consent"
            description="Per page: cookies and third parties before any choice, those only Accept adds, and those that appear despite Reject."
          />
          <CardBody>
            {consentReport ? <ConsentComparison report={consentReport} /> : <p className="text-sm text-slate-600">No consent comparison was recorded for this scan.</p>}
          </CardBody>
        </Card>
      ) : null}

      <Card className="mt-6">
        <CardHeader title="Since the previous scan" />
        <CardBody>
          <ScanChanges
            added={changes.added}
            fixed={changes.fixed}
            previousHref={changes.previousScanId ? `${base}/scans/${changes.previousScanId}` : null}
            findingHref={(f) => `${base}/findings?${new URLSearchParams({ domain: domain.id, finding: f.id })}`}
          />
        </CardBody>
      </Card>

      {scan.pillars.includes("performance") ? (
        <Card className="mt-6">
          <CardHeader title="Core Web Vitals" description="75th percentile across the scanned pages (lab measurements of this scan), banded at web.dev's thresholds." />
          <CardBody>
            <CoreWebVitals vitals={summarizeVitals(pages)} />
          </CardBody>
        </Card>
      ) : null}

      {deviceSummaries.length > 1 ? (
        <Card className="mt-6">
          <CardHeader title="Mobile and desktop" description="Each device's load of the scanned pages. Scores above are the mobile load's; checks that do not depend on the screen ran once." />
          <CardBody>
            <DeviceComparison devices={deviceSummaries} findings={deviceFindings} findingHref={(id) => `${base}/findings?${new URLSearchParams({ domain: domain.id, finding: id })}`} />
          </CardBody>
        </Card>
      ) : null}

      <Card className="mt-6">
        <CardHeader title="Share this report" description="A public, read-only page with your branding, without the dashboard and hidden from search engines." />
        <CardBody>
          <ShareLinksPanel
            links={shareLinks.items.map((l) => ({
              id: l.id,
              state: l.state,
              hasPassword: l.hasPassword,
              includeEvidence: l.includeEvidence,
              viewCount: l.viewCount,
              lastViewedAt: l.lastViewedAt?.toISOString() ?? null,
              expiresAt: l.expiresAt?.toISOString() ?? null,
              createdAt: l.createdAt.toISOString(),
            }))}
            canWrite={canWrite}
            create={createShareLinkAction.bind(null, organization.slug, scan.id)}
            revoke={revokeShareLinkAction.bind(null, organization.slug)}
          />
        </CardBody>
      </Card>

      <Card className="mt-6">
        <CardHeader title={`Pages scanned (${pages.length})`} />
        <CardBody>
          {pages.length > 0 ? (
            <PageMetricsTable pages={pages.map((p) => ({ ...p, severities: severityCounts(p.severities) }))} />
          ) : (
            <p className="text-sm text-slate-600">No pages were recorded.</p>
          )}
        </CardBody>
      </Card>

      <ThirdPartiesSection orgId={organization.id} scanId={scan.id} />
    </>
  );
}
