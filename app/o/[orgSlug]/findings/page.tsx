import type { Metadata } from "next";
import Link from "next/link";
import { Alert, EmptyState, FlagIcon, PageHeader, formatDateTime } from "@/components/ui";
import { FindingsFilters } from "@/components/findings/findings-filters";
import { FindingsTable } from "@/components/findings/findings-table";
import { FindingDrawer } from "@/components/findings/finding-drawer";
import { FindingsByPage, FindingsViewBar } from "@/components/findings/findings-views";
import type { AssigneeOption, FindingDetailView, FindingRow, PageGroup } from "@/components/findings/types";
import { requireMembership } from "@/lib/auth/session";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";
import { isServiceError } from "@/lib/services/errors";
import { getFindingDetail, type FindingDetail } from "@/lib/services/findings/get-finding-detail";
import { listFindingsSorted } from "@/lib/services/findings/list-findings-sorted";
import { countFindings } from "@/lib/services/findings/list-findings";
import { listFindingsByPage } from "@/lib/services/findings/list-findings-by-page";
import { listOrganizationMembers } from "@/lib/services/organizations/list-members";
import { listRecentDomains } from "@/lib/services/organizations/recent-items";
import type { Finding } from "@/generated/prisma/client";
import { listRechecks } from "@/lib/services/rechecks/list-rechecks";
import { listComments } from "@/lib/services/comments/list-comments";
import { listTasks } from "@/lib/services/tasks/list-tasks";
import { findingsHref, parseFindingsQuery, statusesOf } from "./search-params";
import { roleAllows } from "../access";

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
    pagesCount: Math.max(f.pagesCount, 1),
    instancesCount: Math.max(f.instancesCount, 1),
    lastSeen: when(f.lastSeenAt),
    regression: f.regression,
    regressionCount: f.regressionCount,
  };
}

function toDetail(f: FindingDetail): Omit<FindingDetailView, "rechecks" | "comments" | "tasks"> {
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
    resolution: f.resolution,
    regressedAt: f.regressedAt ? when(f.regressedAt) : null,
    occurrenceCount: f._count.occurrences,
    occurrences: f.occurrences.map((o) => ({ id: o.id, scanId: o.scanId, severity: o.severity, pages: o.urls.length, seen: when(o.createdAt) })),
    acceptedUntil: f.acceptedUntil ? when(f.acceptedUntil) : null,
    instances: f.instances.map((i) => ({ id: i.id, url: i.url, selector: i.selector || null, asset: i.asset || null, snippet: i.snippet })),
    history: f.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      who: e.actor ? (e.actor.name ? `${e.actor.name} (${e.actor.email})` : e.actor.email) : "Plumb",
      from: e.fromStatus,
      to: e.toStatus,
      justification: e.justification,
      acceptedUntil: e.acceptedUntil ? formatDateTime(e.acceptedUntil) : null,
      at: when(e.createdAt),
    })),
  };
}

export default async function FindingsPage({ params, searchParams }: PageProps<"/o/[orgSlug]/findings">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const query = parseFindingsQuery(await searchParams);
  const path = `/o/${orgSlug}/findings`;
  const canWrite = roleAllows(membership.role, "findings:write");

  const domains = await listRecentDomains(organization.id);
  const trackers = (await listIntegrations({ orgId: organization.id }))
    .filter((i) => i.provider.kind === "tracker" && i.row && i.row.status !== "disconnected")
    .map((i) => ({ id: i.provider.id, name: i.provider.displayName }));
  const hosts = new Map(domains.map((d) => [d.id, d.host]));
  const filters = {
    orgId: organization.id,
    domainId: query.domain,
    pillar: query.pillar as Finding["pillar"] | undefined,
    severity: query.severity as Finding["severity"] | undefined,
    status: statusesOf(query),
    regression: query.regression ? true : undefined,
    q: query.q,
  };
  const groupByPage = query.group === "page";

  let page: Awaited<ReturnType<typeof listFindingsSorted>> | null = null;
  let byPage: Awaited<ReturnType<typeof listFindingsByPage>> | null = null;
  let pageError: string | null = null;
  const total = await countFindings(filters);
  try {
    if (groupByPage) byPage = await listFindingsByPage({ ...filters, maxPages: 100 });
    else page = await listFindingsSorted({ ...filters, limit: PAGE_SIZE, cursor: query.cursor, sort: query.sort, direction: query.dir });
  } catch (err) {
    if (!isServiceError(err)) throw err;
    pageError = "This page link no longer matches the list (the order changed). Start again from the first page.";
  }

  let detail: FindingDetailView | null = null;
  let detailMissing = false;
  if (query.finding) {
    try {
      const found = await getFindingDetail({ orgId: organization.id, findingId: query.finding });
      const [rechecks, comments, tasks] = await Promise.all([
        listRechecks({ orgId: organization.id, findingId: found.id, limit: 10 }),
        listComments({ orgId: organization.id, target: { findingId: found.id } }),
        listTasks({ orgId: organization.id, findingId: found.id, limit: 10 }),
      ]);
      detail = {
        ...toDetail(found),
        rechecks: rechecks.items.map((r) => ({
          id: r.id,
          status: r.status,
          summary: r.result,
          error: r.error,
          at: when(r.createdAt),
          results: r.results.map((x) => ({ url: x.url, passed: x.passed, snippet: x.snippet, error: x.error })),
        })),
        comments: comments.map((c) => ({ id: c.id, who: c.author ? (c.author.name ?? c.author.email) : "An API key", at: when(c.createdAt), body: c.body })),
        tasks: tasks.items.map((t) => ({ id: t.id, title: t.title, status: t.status })),
      };
    } catch (err) {
      if (!isServiceError(err)) throw err;
      detailMissing = true;
    }
  }
  const assignees: AssigneeOption[] = (await listOrganizationMembers(organization.id))
    .filter((m) => m.status === "active" && m.userId)
    .map((m) => ({ userId: m.userId as string, label: m.name ? `${m.name} (${m.email})` : m.email }));

  const filtered = Boolean(query.domain || query.pillar || query.severity || query.status || query.resolved || query.regression || query.q);
  const rows = page ? page.items.map((f) => toRow(f, hosts)) : [];
  const pageGroups: PageGroup[] = byPage ? byPage.pages.map((p) => ({ url: p.url, rows: p.findings.map((f) => toRow(f, hosts)) })) : [];
  const empty = groupByPage ? pageGroups.length === 0 : rows.length === 0;
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
      <FindingsViewBar
        total={total}
        groupHrefs={{
          rule: findingsHref(path, query, { group: undefined, cursor: undefined, finding: undefined }),
          page: findingsHref(path, query, { group: "page", cursor: undefined, finding: undefined }),
        }}
        group={groupByPage ? "page" : "rule"}
        resolvedHref={findingsHref(path, query, { resolved: query.resolved ? undefined : "1", cursor: undefined, finding: undefined })}
        resolvedShown={query.resolved === "1"}
        statusNote={query.status ? null : "open and in progress"}
      />
      {pageError ? (
        <Alert tone="warning" className="mt-4">
          {pageError}{" "}
          <Link className="font-medium underline" href={findingsHref(path, query, { cursor: undefined })}>
            First page
          </Link>
        </Alert>
      ) : empty ? (
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
      ) : groupByPage ? (
        <FindingsByPage groups={pageGroups} truncated={byPage?.truncated ?? false} openHrefBase={findingsHref(path, query, { finding: "__ID__" })} />
      ) : (
        <FindingsTable
          orgSlug={orgSlug}
          assignees={assignees}
          trackers={trackers}
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
