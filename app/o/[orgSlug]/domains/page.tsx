import type { Metadata } from "next";
import { Badge, DataTable, EmptyState, GlobeIcon, PageHeader, formatDate } from "@/components/ui";
import { GradeBadge } from "@/components/status/badges";
import { requireMembership } from "@/lib/auth/session";
import { listRecentDomains, RECENT_LIMIT } from "@/lib/services/orgs/recent-items";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({ params }: PageProps<"/o/[orgSlug]/domains">) {
  const { orgSlug } = await params;
  const { organization } = await requireMembership(orgSlug);
  const domains = await listRecentDomains(organization.id);

  return (
    <>
      <PageHeader title="Domains" description="The websites this organization audits. Plumb scans a domain once you have proved you own it." />
      {domains.length === 0 ? (
        <EmptyState
          icon={<GlobeIcon className="size-6" />}
          title="No domains yet"
          description={
            <p>
              Domains you add appear here with their verification status, latest grade and scan schedule. Ownership is
              proved with a meta tag, a DNS TXT record or a file on the site.
            </p>
          }
        />
      ) : (
        <DataTable
          caption={domains.length === RECENT_LIMIT ? `The ${RECENT_LIMIT} most recently added domains` : "Domains"}
          rows={domains}
          rowKey={(d) => d.id}
          columns={[
            { key: "host", header: "Domain", cell: (d) => <span className="font-medium break-all">{d.host}</span> },
            {
              key: "verified",
              header: "Ownership",
              cell: (d) => (d.verifiedAt ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Not verified</Badge>),
            },
            { key: "grade", header: "Grade", cell: (d) => <GradeBadge grade={d.lastGrade} score={d.lastScore} /> },
            { key: "schedule", header: "Schedule", hideOnMobile: true, cell: (d) => (d.schedule === "off" ? "Manual" : d.schedule) },
            { key: "added", header: "Added", hideOnMobile: true, cell: (d) => formatDate(d.createdAt) },
          ]}
        />
      )}
    </>
  );
}
