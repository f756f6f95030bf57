import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Button, DataTable, EmptyState, TextField, formatDateTime } from "@/components/ui";
import { requireMembership } from "@/lib/auth/session";
import { auditEventFiltersQuery } from "@/lib/api/contract/audit-events";
import { auditFiltersFromQuery, serializeAuditEvent } from "@/lib/api/serializers/audit-event";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { InvalidParamsError } from "@/lib/http/errors";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Audit log" };

const FIELDS = ["action", "actor_id", "target_type", "target_id", "from", "to"] as const;

function summarize(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 159)}…` : s;
}

export default async function AuditLogPage({ params, searchParams }: PageProps<"/o/[orgSlug]/settings/audit">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  if (!roleAllows(membership.role, "audit:read")) return <Alert tone="info">Only owners and admins can see the audit log.</Alert>;
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const raw: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = one(f)?.trim();
    // date inputs give YYYY-MM-DD: the whole day, in UTC
    if (v) raw[f] = (f === "from" || f === "to") && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v;
  }
  const parsed = auditEventFiltersQuery.safeParse(raw);
  const cursor = one("cursor");
  let page: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  if (parsed.success) {
    try {
      page = await listAuditEvents({ orgId: organization.id, filters: auditFiltersFromQuery(parsed.data), limit: 50, cursor });
    } catch (err) {
      if (!(err instanceof InvalidParamsError)) throw err;
    }
  }
  const base = `/o/${orgSlug}/settings/audit`;
  const filterQs = new URLSearchParams(parsed.success ? raw : {}).toString();
  const rows = page?.items.map(serializeAuditEvent) ?? [];
  return (
    <div className="space-y-4">
      <form method="get" action={base} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3" aria-label="Filter the audit log">
        <TextField label="Action" name="action" defaultValue={one("action") ?? ""} hint="e.g. policy.update, or domain. for all" maxLength={200} />
        <TextField label="Actor id" name="actor_id" defaultValue={one("actor_id") ?? ""} hint="A user or API key id" maxLength={200} />
        <TextField label="Target type" name="target_type" defaultValue={one("target_type") ?? ""} hint="domain, scan, finding, policy…" maxLength={200} />
        <TextField label="Target id" name="target_id" defaultValue={one("target_id") ?? ""} maxLength={200} />
        <TextField label="From" name="from" type="date" defaultValue={one("from")?.slice(0, 10) ?? ""} />
        <TextField label="Until" name="to" type="date" defaultValue={one("to")?.slice(0, 10) ?? ""} />
        <div className="flex flex-wrap items-end gap-2 sm:col-span-3">
          <Button type="submit">Filter</Button>
          <Link href={base} className="text-sm font-medium text-brand-700 underline">Clear</Link>
          <a href={`${base}/export${filterQs ? `?${filterQs}` : ""}`} className="ml-auto text-sm font-medium text-brand-700 underline" download>
            Export CSV
          </a>
        </div>
      </form>
      {!parsed.success ? <Alert tone="danger">{parsed.error.issues[0].message}</Alert> : null}
      {parsed.success && !page ? <Alert tone="warning">This page link is no longer valid. <Link href={base} className="underline">Show the newest events</Link></Alert> : null}
      {page && rows.length === 0 ? (
        <EmptyState title="No events" as="h2" description={<p>Nothing matches these filters.</p>} />
      ) : page ? (
        <>
          <DataTable
            caption="Audit events, newest first"
            rows={rows}
            rowKey={(e) => e.id}
            columns={[
              { key: "time", header: "Time", cell: (e) => <time dateTime={e.created_at} className="whitespace-nowrap">{formatDateTime(new Date(e.created_at))}</time> },
              { key: "action", header: "Action", cell: (e) => <code className="font-mono text-xs break-all">{e.action}</code> },
              { key: "actor", header: "Actor", cell: (e) => <span className="break-all">{e.actor.label}</span> },
              { key: "target", header: "Target", hideOnMobile: true, cell: (e) => <span className="text-xs break-all">{e.target_type}{e.target_id ? ` ${e.target_id}` : ""}</span> },
              {
                key: "change",
                header: "Change",
                hideOnMobile: true,
                cell: (e) => (
                  <span className="block max-w-md font-mono text-xs break-all text-slate-700">
                    {e.before || e.after ? `${summarize(e.before)} → ${summarize(e.after)}` : summarize(e.metadata)}
                  </span>
                ),
              },
              { key: "ip", header: "IP", hideOnMobile: true, cell: (e) => <span className="font-mono text-xs">{e.ip ?? "—"}</span> },
            ]}
          />
          {cursor || page.nextCursor ? (
            <nav aria-label="Audit log pages" className="flex justify-between text-sm">
              {cursor ? <Link href={`${base}${filterQs ? `?${filterQs}` : ""}`} className="font-medium text-brand-700 underline">← Newest</Link> : <span />}
              {page.nextCursor ? <Link href={`${base}?${new URLSearchParams({ ...(parsed.success ? raw : {}), cursor: page.nextCursor }).toString()}`} className="font-medium text-brand-700 underline">Older →</Link> : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
