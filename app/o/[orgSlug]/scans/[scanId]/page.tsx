import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, ButtonLink, buttonClasses, Card, CardBody, CardHeader, PageHeader, formatDateTime } from "@/components/ui";
import { ScanStatusBadge } from "@/components/status/badges";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { PillarScoreChart } from "@/components/charts/pillar-score-chart";
import { FindingsMatrix } from "@/components/scans/findings-matrix";
import { ScanChanges } from "@/components/scans/scan-changes";
import { ScannedPages } from "@/components/scans/scanned-pages";
import { ScanProgress } from "@/components/scans/scan-progress";
import { CancelScanButton } from "@/components/scans/cancel-scan-button";
import { hasRole } from "@/lib/services/organizations/roles";
import { cancelScanAction } from "../actions";
import type { Pillar, Severity } from "@/generated/prisma/enums";
import { requireMembership } from "@/lib/auth/session";
import { getDomainOrThrow } from "@/lib/services/domains/get-domain";
import { isServiceError } from "@/lib/services/errors";
import { countScanFindings } from "@/lib/services/scans/count-scan-findings";
import { getScanChanges } from "@/lib/services/scans/get-scan-changes";
import { getScanRowOrThrow } from "@/lib/services/scans/get-scan";
import { listScanPages } from "@/lib/services/scans/list-scan-pages";

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
  const domain = await getDomainOrThrow(organization.id, scan.domainId);
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
            {scan.maxPages === 1 ? "" : "s"}
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
          </>
        ) : null
      }
    />
  );

  if (live) {
    return (
      <>
        {header}
        <ScanProgress orgSlug={organization.slug} scanId={scan.id} pillars={scan.pillars} initial={{ status: scan.status, pagesDone: scan.pagesDone, pagesTotal: scan.pagesTotal }} />
        {hasRole(membership.role, "member") ? (
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

  return (
    <>
      {header}
      <div className="grid gap-6 lg:grid-cols-3">
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

      <Card className="mt-6">
        <CardHeader title={`Pages scanned (${pages.length})`} />
        <CardBody>{pages.length > 0 ? <ScannedPages pages={pages} /> : <p className="text-sm text-slate-600">No pages were recorded.</p>}</CardBody>
      </Card>
    </>
  );
}
