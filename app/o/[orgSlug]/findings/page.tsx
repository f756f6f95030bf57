import type { Metadata } from "next";
import { DataTable, EmptyState, FlagIcon, PageHeader, formatDate } from "@/components/ui";
import { FindingStatusBadge, SeverityBadge } from "@/components/status/badges";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { requireMembership } from "@/lib/auth/session";
import { listRecentFindings, RECENT_LIMIT } from "@/lib/services/orgs/recent-items";

export const metadata: Metadata = { title: "Findings" };

export default async function FindingsPage({ params }: PageProps<"/o/[orgSlug]/findings">) {
  const { orgSlug } = await params;
  const { organization } = await requireMembership(orgSlug);
  const findings = await listRecentFindings(organization.id);

  return (
    <>
      <PageHeader title="Findings" description="Problems Plumb found, merged across pages and scans, with how to fix each one." />
      {findings.length === 0 ? (
        <EmptyState
          icon={<FlagIcon className="size-6" />}
          title="No findings yet"
          description={
            <p>
              Findings appear after a scan completes. Each one says what is wrong, where, how severe it is and how to fix
              it; you can then mark it in progress, resolved, an accepted risk or a false positive.
            </p>
          }
        />
      ) : (
        <DataTable
          caption={findings.length === RECENT_LIMIT ? `The ${RECENT_LIMIT} most recently seen findings` : "Findings"}
          rows={findings}
          rowKey={(f) => f.id}
          columns={[
            { key: "title", header: "Finding", cell: (f) => <span className="font-medium">{f.title}</span> },
            { key: "severity", header: "Severity", cell: (f) => <SeverityBadge severity={f.severity} /> },
            { key: "pillar", header: "Pillar", hideOnMobile: true, cell: (f) => PILLAR_LABELS[f.pillar] },
            { key: "domain", header: "Domain", hideOnMobile: true, cell: (f) => <span className="break-all">{f.domain.host}</span> },
            { key: "status", header: "Status", hideOnMobile: true, cell: (f) => <FindingStatusBadge status={f.status} /> },
            { key: "seen", header: "Last seen", hideOnMobile: true, cell: (f) => formatDate(f.lastSeenAt) },
          ]}
        />
      )}
    </>
  );
}
