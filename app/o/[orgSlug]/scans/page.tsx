import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyState, PageHeader, ScanIcon, formatDateTime } from "@/components/ui";
import { GradeBadge, ScanStatusBadge } from "@/components/status/badges";
import { LaunchScanButton } from "@/components/scans/launch-scan-button";
import { NoScannableDomain } from "@/components/scans/launch-scan-dialog";
import { requireMembership } from "@/lib/auth/session";
import { listDomainSummaries } from "@/lib/services/domains/list-domain-summaries";
import { listRecentScans, RECENT_LIMIT } from "@/lib/services/organizations/recent-items";
import { roleAllows } from "../access";

export const metadata: Metadata = { title: "Scans" };

export default async function ScansPage({ params }: PageProps<"/o/[orgSlug]/scans">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const scans = await listRecentScans(organization.id);
  const verified = (await listDomainSummaries(organization.id)).filter((d) => d.verifiedAt).map((d) => ({ id: d.id, host: d.host }));
  const base = `/o/${organization.slug}`;
  const action = !roleAllows(membership.role, { role: "member" }) ? null : verified.length > 0 ? (
    <LaunchScanButton orgId={organization.id} orgSlug={organization.slug} domains={verified} />
  ) : (
    <NoScannableDomain orgSlug={organization.slug} />
  );

  return (
    <>
      <PageHeader
        title="Scans"
        description="Every audit run against this organization's domains: manual, scheduled or started through the API."
        actions={scans.length > 0 ? action : null}
      />
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
          actions={action}
        />
      ) : (
        <DataTable
          caption={scans.length === RECENT_LIMIT ? `The ${RECENT_LIMIT} most recent scans` : "Scans"}
          rows={scans}
          rowKey={(s) => s.id}
          columns={[
            {
              key: "domain",
              header: "Scan",
              cell: (s) => (
                <Link href={`${base}/scans/${s.id}`} className="font-medium break-all text-brand-800 underline-offset-2 hover:underline">
                  {s.domain.host}
                  <span className="sr-only">, {formatDateTime(s.createdAt)}</span>
                </Link>
              ),
            },
            { key: "status", header: "Status", cell: (s) => <ScanStatusBadge status={s.status} /> },
            { key: "grade", header: "Grade", cell: (s) => (s.status === "succeeded" ? <GradeBadge grade={s.grade} score={s.score} /> : "—") },
            { key: "pages", header: "Pages", hideOnMobile: true, className: "tabular-nums", cell: (s) => s.pagesDone },
            { key: "trigger", header: "Trigger", hideOnMobile: true, cell: (s) => <span className="capitalize">{s.trigger}</span> },
            { key: "started", header: "Started", hideOnMobile: true, cell: (s) => formatDateTime(s.createdAt) },
          ]}
        />
      )}
    </>
  );
}
