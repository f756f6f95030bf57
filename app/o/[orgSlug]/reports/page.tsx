import type { Metadata } from "next";
import { DataTable, EmptyState, PageHeader, ReportIcon, formatBytes, formatDateTime } from "@/components/ui";
import { ReportStatusBadge } from "@/components/status/badges";
import { requireMembership } from "@/lib/auth/session";
import { listRecentReports, RECENT_LIMIT } from "@/lib/services/organizations/recent-items";

export const metadata: Metadata = { title: "Reports" };

const FORMAT_LABELS = { pdf: "PDF", csv: "CSV", json: "JSON", sarif: "SARIF", markdown: "Markdown" } as const;

export default async function ReportsPage({ params }: PageProps<"/o/[orgSlug]/reports">) {
  const { orgSlug } = await params;
  const { organization } = await requireMembership(orgSlug);
  const reports = await listRecentReports(organization.id);

  return (
    <>
      <PageHeader title="Reports" description="Exports of scan results to share with your team, auditors or other tools." />
      {reports.length === 0 ? (
        <EmptyState
          icon={<ReportIcon className="size-6" />}
          title="No reports yet"
          description={
            <p>
              Exports of finished scans (PDF, CSV, JSON, SARIF) will be listed here; they are not available yet. Today a
              scan&apos;s result page offers its SECURITY-FIX.md, and <code>npx plumb scan --json|--sarif|--md</code> writes
              the other formats from the command line.
            </p>
          }
        />
      ) : (
        <DataTable
          caption={reports.length === RECENT_LIMIT ? `The ${RECENT_LIMIT} most recent reports` : "Reports"}
          rows={reports}
          rowKey={(r) => r.id}
          columns={[
            { key: "domain", header: "Domain", cell: (r) => <span className="font-medium break-all">{r.scan?.domain.host ?? "—"}</span> },
            { key: "format", header: "Format", cell: (r) => FORMAT_LABELS[r.format] },
            { key: "status", header: "Status", cell: (r) => <ReportStatusBadge status={r.status} /> },
            { key: "size", header: "Size", hideOnMobile: true, className: "tabular-nums", cell: (r) => (r.sizeBytes != null ? formatBytes(r.sizeBytes) : "—") },
            { key: "created", header: "Created", hideOnMobile: true, cell: (r) => formatDateTime(r.createdAt) },
          ]}
        />
      )}
    </>
  );
}
