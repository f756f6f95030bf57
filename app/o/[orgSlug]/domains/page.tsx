import type { Metadata } from "next";
import Link from "next/link";
import { Badge, ButtonLink, DataTable, EmptyState, GlobeIcon, PageHeader, PlusIcon, formatDate, formatDateTime } from "@/components/ui";
import { GradeBadge, ScanStatusBadge } from "@/components/status/badges";
import { VerificationLostSummary } from "@/components/domains/verification-lost-banner";
import { requireMembership } from "@/lib/auth/session";
import { DOMAIN_SUMMARY_LIMIT, listDomainSummaries } from "@/lib/services/domains/list-domain-summaries";
import { roleAllows } from "../access";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({ params }: PageProps<"/o/[orgSlug]/domains">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const domains = await listDomainSummaries(organization.id);
  const base = `/o/${organization.slug}/domains`;
  const canWrite = roleAllows(membership.role, { role: "member" });
  const addButton = canWrite ? (
    <ButtonLink href={`${base}/new`}>
      <PlusIcon className="size-4" />
      Add domain
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader
        title="Domains"
        description="The websites this organization audits. Plumb scans a domain once you have proved you own it."
        actions={domains.length > 0 ? addButton : null}
      />
      <VerificationLostSummary domains={domains} base={base} />
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
          actions={addButton}
        />
      ) : (
        <DataTable
          caption={domains.length === DOMAIN_SUMMARY_LIMIT ? `The ${DOMAIN_SUMMARY_LIMIT} most recently added domains` : "Domains"}
          rows={domains}
          rowKey={(d) => d.id}
          columns={[
            {
              key: "host",
              header: "Domain",
              cell: (d) => (
                <Link href={`${base}/${d.id}`} className="font-medium break-all text-brand-800 underline-offset-2 hover:underline">
                  {d.host}
                </Link>
              ),
            },
            {
              key: "verified",
              header: "Ownership",
              cell: (d) =>
                d.verifiedAt ? (
                  <Badge tone="success">Verified</Badge>
                ) : (
                  <Link href={`${base}/${d.id}/verify`} className="rounded-full">
                    {d.verificationLostAt ? <Badge tone="danger">Verification lost — verify</Badge> : <Badge tone="warning">Not verified — verify</Badge>}
                  </Link>
                ),
            },
            { key: "grade", header: "Grade", cell: (d) => <GradeBadge grade={d.lastGrade} score={d.lastScore} /> },
            {
              key: "last",
              header: "Last scan",
              hideOnMobile: true,
              cell: (d) =>
                d.lastScan ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`/o/${organization.slug}/scans/${d.lastScan.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                      {formatDateTime(d.lastScan.finishedAt ?? d.lastScan.createdAt)}
                    </Link>
                    {d.lastScan.status !== "succeeded" ? <ScanStatusBadge status={d.lastScan.status} /> : null}
                  </span>
                ) : (
                  <span className="text-slate-600">Never</span>
                ),
            },
            { key: "schedule", header: "Schedule", hideOnMobile: true, cell: (d) => (d.schedule === "off" ? "Manual" : <span className="capitalize">{d.schedule}</span>) },
            { key: "added", header: "Added", hideOnMobile: true, cell: (d) => formatDate(d.createdAt) },
          ]}
        />
      )}
    </>
  );
}
