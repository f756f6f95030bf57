import type { Metadata } from "next";
import Link from "next/link";
import { Alert, EmptyState, FlagIcon, PageHeader, formatDateTime } from "@/components/ui";
import { FindingsFilters } from "@/components/findings/findings-filters";
import { FindingsTable } from "@/components/findings/findings-table";
import { FindingDrawer } from "@/components/findings/finding-drawer";
import type { AssigneeOption, FindingDetailView, FindingRow } from "@/components/findings/types";
import { requireMembership } from "@/lib/auth/session";
import { scopesForRole } from "@/lib/http/session-caller";
import { hasScope } from "@/lib/services/api-keys/scopes";
import { isServiceError } from "@/lib/services/errors";
import { getFindingDetail, type FindingDetail } from "@/lib/services/findings/get-finding-detail";
import { listFindingsSorted } from "@/lib/services/findings/list-findings-sorted";
import { listOrganizationMembers } from "@/lib/services/organizations/list-members";
import { listRecentDomains } from "@/lib/services/organizations/recent-items";
import type { Finding } from "@/generated/prisma/client";
import { findingsHref, parseFindingsQuery } from "./search-params";

export const metadata: Metadata = { title: "Findings" };

const PAGE_SIZE = 50;

const when = (d: Date) => ({ iso: d.toISOString(), label: formatDateTime(d) });

function toRow(f: Finding, hosts: Map<string, string>): FindingRow {
  return {
    id: f.id,
    title: f.title,
    rule: f.rule,
    pillar: f.pillar,
    severity: f.severity,
    status: f.status,
    domainHost: hosts.get(f.domainId) ?? "",
    url: f.url,
    lastSeen: when(f.lastSeenAt),
    regression: f.regression,
    regressionCount: f.regressionCount,
  };
}

function toDetail(f: FindingDetail): FindingDetailView {
  return {
    ...toRow(f, new Map([[f.domainId, f.domain.host]])),
    description: f.description,
    evidence: f.evidence,
    selector: f.selector,
    fix: f.fix,
    urls: f.urls.length > 0 ? f.urls : [f.url],
    severityOverridden: f.severityOverride !== null,
    assigneeId: f.assigneeId,
    firstSeen: when(f.firstSeenAt),
    resolvedAt: f.resolvedAt ? when(f.resolvedAt) : null,
    regressedAt: f.regressedAt ? when(f.regressedAt) : null,
    occurrenceCount: f._count.occurrences,
    occurrences: f.occurrences.map((o) => ({ id: o.id, scanId: o.scanId, severity: o.severity, pages: o.urls.length, seen: when(o.createdAt) })),
  };
}

export default async function FindingsPage({ params, searchParams }: PageProps<"/o/[orgSlug]/findings">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const query = parseFindingsQuery(await searchParams);
  const path = `/o/${orgSlug}/findings`;
  const canWrite = hasScope(scopesForRole(membership.role), "findings:write");

  const domains = await listRecentDomains(organization.id);
  const hosts = new Map(domains.map((d) => [d.id, d.host]));
  const filters = {
    orgId: organization.id,
    domainId: query.domain,
    pillar: query.pillar as Finding["pillar"] | undefined,
    severity: query.severity as Finding["severity"] | undefined,
    status: query.status,
    regression: query.regression ? true : undefined,
    q: query.q,
  };

  let page: Awaited<ReturnType<typeof listFindingsSorted>> | null = null;
  let pageError: string | null = null;
  try {
    page = await listFindingsSorted({ ...filters, limit: PAGE_SIZE, cursor: query.cursor, sort: query.sort, direction: query.dir });
  } catch (err) {
    if (!isServiceError(err)) throw err;
    pageError = "This page link no longer matches the list (the order changed). Start again from the first page.";
  }

  let detail: FindingDetailView | null = null;
  let detailMissing = false;
  if (query.finding) {
    try {
      detail = toDetail(await getFindingDetail({ orgId: organization.id, findingId: query.finding }));
    } catch (err) {
      if (!isServiceError(err)) throw err;
      detailMissing = true;
    }
  }
  const assignees: AssigneeOption[] = (await listOrganizationMembers(organization.id))
    .filter((m) => m.status === "active" && m.userId)
    .map((m) => ({ userId: m.userId as string, label: m.name ? `${m.name} (${m.email})` : m.email }));

  const filtered = Boolean(query.domain || query.pillar || query.severity || query.status || query.regression || query.q);
  const rows = page ? page.items.map((f) => toRow(f, hosts)) : [];
  const closeHref = findingsHref(path, query, { finding: undefined });

  return (
    <>
      <PageHeader
        title="Findings"
        description="Problems Plumb found, merged across pages and scans. Filter, select and change many at once, or open one for the details and how to fix it."
      />
      <FindingsFilters
        path={path}
        query={query}
        domains={domains.map((d) => ({ id: d.id, host: d.host }))}
      />
      {pageError ? (
        <Alert tone="warning" className="mt-4">
          {pageError}{" "}
          <Link className="font-medium underline" href={findingsHref(path, query, { cursor: undefined })}>
            First page
          </Link>
        </Alert>
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            className="mt-4"
            icon={<FlagIcon className="size-6" />}
            title="No findings match these filters"
            description={<p>Try another status or severity, or clear the filters to see every finding.</p>}
            actions={
              <Link className="font-medium text-brand-700 underline" href={path}>
                Clear all filters
              </Link>
            }
          />
        ) : (
          <EmptyState
            className="mt-4"
            icon={<FlagIcon className="size-6" />}
            title="No findings yet"
            description={
              <p>
                Findings appear after a scan completes. Each one says what is wrong, where, how severe it is and how to fix
                it; you can then mark it in progress, resolved, an accepted risk or a false positive.
              </p>
            }
            actions={
              <Link className="font-medium text-brand-700 underline" href={`/o/${orgSlug}/domains`}>
                Go to your domains
              </Link>
            }
          />
        )
      ) : (
        <FindingsTable
          orgSlug={orgSlug}
          rows={rows}
          canWrite={canWrite}
          sort={query.sort}
          direction={query.dir}
          sortHrefs={{
            severity: findingsHref(path, query, { sort: "severity", dir: query.sort === "severity" && query.dir === "asc" ? "desc" : "asc", cursor: undefined, finding: undefined }),
            last_seen: findingsHref(path, query, { sort: "last_seen", dir: query.sort === "last_seen" && query.dir === "desc" ? "asc" : "desc", cursor: undefined, finding: undefined }),
            pillar: findingsHref(path, query, { sort: "pillar", dir: query.sort === "pillar" && query.dir === "asc" ? "desc" : "asc", cursor: undefined, finding: undefined }),
          }}
          openHrefBase={findingsHref(path, query, { finding: "__ID__" })}
          firstPageHref={query.cursor ? findingsHref(path, query, { cursor: undefined, finding: undefined }) : null}
          nextPageHref={page?.nextCursor ? findingsHref(path, query, { cursor: page.nextCursor, finding: undefined }) : null}
        />
      )}
      {query.finding ? (
        <FindingDrawer
          key={query.finding}
          orgSlug={orgSlug}
          detail={detail}
          missing={detailMissing}
          assignees={assignees}
          canWrite={canWrite}
          closeHref={closeHref}
        />
      ) : null}
    </>
  );
}
