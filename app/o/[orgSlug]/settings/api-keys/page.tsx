import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Badge, Card, CardBody, CardHeader, DataTable, EmptyState, formatDate, formatDateTime } from "@/components/ui";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { RevokeKeyButton } from "@/components/settings/revoke-key-button";
import { requireMembership } from "@/lib/auth/session";
import { scopesToApi } from "@/lib/api/scopes";
import { listApiKeys } from "@/lib/services/api-keys/list-api-keys";
import { InvalidParamsError } from "@/lib/http/errors";
import { cursorParam } from "../cursor-param";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "API keys" };

const PAGE_SIZE = 25;

export default async function ApiKeysPage({ params, searchParams }: PageProps<"/o/[orgSlug]/settings/api-keys">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  // The same rule as GET /api/v1/api-keys: keys:write, which only owners and admins hold.
  if (!roleAllows(membership.role, "keys:write")) {
    return (
      <Alert tone="info" title="Only owners and admins manage API keys">
        Ask an owner or admin of this organization for a key, or for a role that can create one.
      </Alert>
    );
  }
  const cursor = cursorParam(await searchParams);
  const base = `/o/${orgSlug}/settings/api-keys`;
  let page: Awaited<ReturnType<typeof listApiKeys>> | null = null;
  try {
    page = await listApiKeys({ orgId: organization.id, limit: PAGE_SIZE, cursor });
  } catch (err) {
    // An undecodable cursor (a stale or hand-edited link); anything else is a bug.
    if (!(err instanceof InvalidParamsError)) throw err;
  }

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <Card>
        <CardHeader title="Create an API key" description="Keys let scripts and CI call the Plumb API for this organization." />
        <CardBody>
          <CreateApiKeyForm orgSlug={orgSlug} />
        </CardBody>
      </Card>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Keys
        </h2>
        {!page ? (
          <Alert tone="warning">
            This page link is no longer valid.{" "}
            <Link href={base} className="font-medium underline">
              Show the newest keys
            </Link>
          </Alert>
        ) : page.items.length === 0 && !cursor ? (
          <EmptyState title="No API keys yet" as="h3" description={<p>Create one with the form. You will see the key once; afterwards only its first characters.</p>} />
        ) : (
          <>
            <DataTable
              caption="API keys of this organization"
              rows={page.items}
              rowKey={(k) => k.id}
              columns={[
                {
                  key: "name",
                  header: "Key",
                  cell: (k) => (
                    <span className="block min-w-0">
                      <span className="block font-medium break-words">{k.name}</span>
                      <code className="block font-mono text-xs text-slate-600">{k.prefix}…</code>
                    </span>
                  ),
                },
                {
                  key: "scopes",
                  header: "Scopes",
                  hideOnMobile: true,
                  cell: (k) => (
                    <span className="flex max-w-64 flex-wrap gap-1">
                      {scopesToApi(k.scopes).map((s) => (
                        <Badge key={s}>{s}</Badge>
                      ))}
                    </span>
                  ),
                },
                { key: "created", header: "Created", hideOnMobile: true, cell: (k) => formatDate(k.createdAt) },
                { key: "used", header: "Last used", hideOnMobile: true, cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never") },
                {
                  key: "state",
                  header: "Status",
                  cell: (k) =>
                    k.revokedAt ? (
                      <Badge tone="neutral">Revoked {formatDate(k.revokedAt)}</Badge>
                    ) : k.expiresAt && k.expiresAt <= new Date() ? (
                      <Badge tone="warning">Expired</Badge>
                    ) : (
                      <RevokeKeyButton orgSlug={orgSlug} keyId={k.id} name={k.name} />
                    ),
                },
              ]}
            />
            {cursor || page.nextCursor ? (
              <nav aria-label="API key pages" className="mt-3 flex justify-between text-sm">
                {cursor ? <Link href={base} className="font-medium text-brand-700 underline">← Newest</Link> : <span />}
                {page.nextCursor ? (
                  <Link href={`${base}?cursor=${page.nextCursor}`} className="font-medium text-brand-700 underline">
                    Older →
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
