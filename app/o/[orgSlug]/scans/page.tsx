import type { Metadata } from "next";
import { DataTable, EmptyState, PageHeader, ScanIcon, formatDateTime } from "@/components/ui";
import { GradeBadge, ScanStatusBadge } from "@/components/status/badges";
import { requireMembership } from "@/lib/auth/session";
import { listRecentScans, RECENT_LIMIT } from "@/lib/services/orgs/recent-items";

export const metadata: Metadata = { title: "Scans" };

export default async function ScansPage({ params }: PageProps<"/o/[orgSlug]/scans">) {
  const { orgSlug } = await params;
  const { organization } = await requireMembership(orgSlug);
  const scans = await listRecentScans(organization.id);

  return (
    <>
      <PageHeader title="Scans" description="Every audit run against this organization's domains: manual, scheduled or started through the API." />
      {scans.length === 0 ? (
        <EmptyState
          icon={<ScanIcon className="size-6" />}
          title="No scans yet"
          description={
            <p>
              Once a domain is verified, a scan loads its pages in a real browser and checks the pillars you pick. Each
              scan appears here with its status, grade and the number of pages it covered.
            </p>
          }
        />
      ) : (
        <DataTable
          caption={scans.length === RECENT_LIMIT ? `The ${RECENT_LIMIT} most recent scans` : "Scans"}
          rows={scans}
          rowKey={(s) => s.id}
          columns={[
            { key: "domain", header: "Domain", cell: (s) => <span className="font-medium break-all">{s.domain.host}</span> },
            { key: "status", header: "Status", cell: (s) => <ScanStatusBadge status={s.status} /> },
            { key: "grade", header: "Grade", cell: (s) => <GradeBadge grade={s.grade} score={s.score} /> },
            { key: "pages", header: "Pages", hideOnMobile: true, className: "tabular-nums", cell: (s) => s.pagesDone },
            { key: "started", header: "Started", hideOnMobile: true, cell: (s) => formatDateTime(s.createdAt) },
          ]}
        />
      )}
    </>
  );
}
