import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader, ReportIcon, formatDateTime } from "@/components/ui";
import { ExportsTable } from "@/components/reports/exports-table";
import { NewReportDialog } from "@/components/reports/new-report-dialog";
import { RefreshWhileRunning } from "@/components/reports/refresh-while-running";
import { SchedulesList } from "@/components/reports/schedules-list";
import { requireMembership } from "@/lib/auth/session";
import { listReportSchedules } from "@/lib/services/report-schedules/list-report-schedules";
import { listReports } from "@/lib/services/reports/list-reports";
import { listReportSources } from "@/lib/services/reports/list-report-sources";
import { createReportAction } from "./actions";
import { roleAllows } from "../access";

export const metadata: Metadata = { title: "Reports" };

const REPORTS_SHOWN = 50;

export default async function ReportsPage({ params }: PageProps<"/o/[orgSlug]/reports">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const { items: reports } = await listReports({ orgId: organization.id, limit: REPORTS_SHOWN });
  const writer = roleAllows(membership.role, { role: "member" });
  const sources = writer ? await listReportSources({ orgId: organization.id }) : { scans: [], domains: [], portfolioDomains: [] };
  const schedules = (await listReportSchedules({ orgId: organization.id, limit: 100 })).items;
  const schedulesOf = (reportId: string) => schedules.filter((x) => x.reportId === reportId);
  const running = reports.some((r) => r.exports.some((e) => e.status === "queued" || e.status === "running"));
  const dialog = writer ? (
    <NewReportDialog
      orgSlug={organization.slug}
      scans={sources.scans.map((s) => ({ id: s.id, label: `${s.domain.host} — ${s.finishedAt ? formatDateTime(s.finishedAt) : "?"}${s.grade ? ` (grade ${s.grade})` : ""}` }))}
      domains={sources.domains}
      portfolioDomains={sources.portfolioDomains}
      action={createReportAction.bind(null, organization.slug)}
    />
  ) : null;

  return (
    <>
      <RefreshWhileRunning active={running} />
      <PageHeader
        title="Reports"
        description="Reports of a scan, of a domain's current state or of several domains (a portfolio), exported as PDF, CSV, JSON, SARIF or Markdown and mailed on a schedule. Exports expire; reports stay."
        actions={dialog}
      />
      {reports.length === 0 ? (
        <EmptyState
          icon={<ReportIcon className="size-6" />}
          title="No reports yet"
          description={
            <p>
              Create a report from a finished scan (or a domain&apos;s current state) to share it as a PDF, feed it to a spreadsheet (CSV), GitHub code
              scanning (SARIF) or another tool (JSON). The API does the same: <code>POST /api/v1/reports</code>.
            </p>
          }
        />
      ) : (
        <ul className="space-y-6" data-testid="reports-list">
          {reports.map((r) => (
            <li key={r.id} className="min-w-0 rounded-lg border border-slate-200 bg-white">
              <div className="flex flex-wrap items-baseline justify-between gap-2 px-4 pt-3">
                <h2 className="min-w-0 text-base font-semibold break-words">
                  <Link href={`/o/${organization.slug}/reports/${r.id}`} className="underline-offset-2 hover:underline">
                    {r.title}
                  </Link>
                </h2>
                <p className="text-sm text-slate-600">
                  {r.portfolioDomainIds.length > 0 ? (
                    <>portfolio of {r.portfolioDomainIds.length} domains</>
                  ) : (
                    <>
                      <span className="break-all">{r.domain.host}</span> · {r.scanId ? "one scan" : "current state"}
                    </>
                  )}{" "}
                  · created {formatDateTime(r.createdAt)}
                </p>
              </div>
              <div className="space-y-3 p-2">
                <ExportsTable reportId={r.id} exports={r.exports} caption={`Exports of ${r.title}`} />
                <div className="px-2 pb-2">
                  <SchedulesList orgSlug={organization.slug} schedules={schedulesOf(r.id)} writer={writer} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
