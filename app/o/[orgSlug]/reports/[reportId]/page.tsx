import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, Card, CardBody, CardHeader, PageHeader, formatDateTime } from "@/components/ui";
import { ShareLinksPanel } from "@/components/publish/share-links-panel";
import { ExportReportForm } from "@/components/reports/export-report-form";
import { ExportsTable } from "@/components/reports/exports-table";
import { RefreshWhileRunning } from "@/components/reports/refresh-while-running";
import { PortfolioView } from "@/components/reports/portfolio-view";
import { ReportView } from "@/components/reports/report-view";
import { ScheduleReportDialog } from "@/components/reports/schedule-report-dialog";
import { SchedulesList } from "@/components/reports/schedules-list";
import { requireMembership } from "@/lib/auth/session";
import { isServiceError } from "@/lib/services/errors";
import { listReportSchedules } from "@/lib/services/report-schedules/list-report-schedules";
import { buildPortfolioModel } from "@/lib/services/reports/build-portfolio-model";
import { buildReportModel } from "@/lib/services/reports/build-report-model";
import { getReport } from "@/lib/services/reports/get-report";
import { reportEffectiveBranding } from "@/lib/services/reports/report-effective-branding";
import { reportSections } from "@/lib/services/reports/report-rows";
import { listShareLinks } from "@/lib/services/share-links/list-share-links";
import { createReportShareLinkAction, revokeShareLinkAction } from "../../scans/publish-actions";
import { createScheduleAction, exportReportAction } from "../actions";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Report" };

// Printing the page prints the report only: the dashboard's chrome and this page's controls are hidden.
const PRINT_CSS = "@media print{body *{visibility:hidden}[data-report-print],[data-report-print] *{visibility:visible}[data-report-print]{position:absolute;left:0;top:0;width:100%}}";

export default async function ReportPage({ params }: PageProps<"/o/[orgSlug]/reports/[reportId]">) {
  const { orgSlug, reportId } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  let report;
  try {
    report = await getReport({ orgId: organization.id, reportId });
  } catch (err) {
    if (isServiceError(err) && err.code === "not_found") notFound();
    throw err;
  }
  const portfolio = report.portfolioDomainIds.length > 0;
  const [branding, shareLinks, schedules] = await Promise.all([
    reportEffectiveBranding({ orgId: organization.id, report: { domainId: portfolio ? null : report.domainId, branding: report.branding } }),
    listShareLinks({ orgId: organization.id, reportId: report.id, limit: 50 }),
    listReportSchedules({ orgId: organization.id, reportId: report.id, limit: 20 }).then((r) => r.items),
  ]);
  let view: React.ReactNode;
  try {
    view = portfolio ? (
      <PortfolioView model={await buildPortfolioModel({ orgId: organization.id, domainIds: report.portfolioDomainIds, title: report.title })} branding={branding} />
    ) : (
      <ReportView
        model={await buildReportModel(report.scanId ? { orgId: organization.id, scanId: report.scanId, title: report.title } : { orgId: organization.id, domainId: report.domainId, title: report.title })}
        sections={reportSections(report.sections)}
        branding={branding}
        rulesBaseUrl="/rules"
      />
    );
  } catch (err) {
    // A domain report whose domain has no finished scan any more (purged, or never finished) is a state, not a crash.
    if (!isServiceError(err) || err.code !== "conflict") throw err;
    view = (
      <Alert tone="warning" title="Nothing to report yet">
        <p>{err.message} Run a scan of the domain, then open this report again.</p>
      </Alert>
    );
  }
  const canWrite = roleAllows(membership.role, { role: "member" });
  const running = report.exports.some((e) => e.status === "queued" || e.status === "running");
  return (
    <>
      <style>{PRINT_CSS}</style>
      <RefreshWhileRunning active={running} />
      <PageHeader
        eyebrow={
          <Link href={`/o/${organization.slug}/reports`} className="underline-offset-2 hover:underline">
            Reports
          </Link>
        }
        title={report.title}
        description={`${portfolio ? `portfolio of ${report.portfolioDomainIds.length} domains` : report.domain.host} · ${portfolio ? "their current state" : report.scanId ? "one scan" : "the domain's current state"} · created ${formatDateTime(report.createdAt)}`}
        actions={canWrite ? <ScheduleReportDialog action={createScheduleAction.bind(null, organization.slug, report.id)} reportTitle={report.title} portfolio={portfolio} /> : null}
      />
      <Card className="mb-6">
        <CardBody>
          <div className="space-y-4">
            {canWrite ? <ExportReportForm action={exportReportAction.bind(null, organization.slug, report.id)} portfolio={portfolio} /> : null}
            <ExportsTable reportId={report.id} exports={report.exports} />
            <SchedulesList orgSlug={organization.slug} schedules={schedules} writer={canWrite} headingLevel={2} />
          </div>
        </CardBody>
      </Card>
      <Card className="mb-6" id="share">
        <CardHeader title="Share" description="Public, read-only links to this report with its branding, without the dashboard and hidden from search engines. Links do not expire with exports." />
        <CardBody>
          <ShareLinksPanel
            emptyText="No share links for this report yet."
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
            create={createReportShareLinkAction.bind(null, organization.slug, report.id)}
            revoke={revokeShareLinkAction.bind(null, organization.slug)}
          />
        </CardBody>
      </Card>
      <div data-report-print className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        {view}
      </div>
    </>
  );
}
