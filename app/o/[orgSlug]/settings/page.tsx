import type { Metadata } from "next";
import { Badge, Card, CardBody, CardHeader, DataTable, PageHeader, formatDate } from "@/components/ui";
import { requireMembership } from "@/lib/auth/session";
import { listOrganizationMembers } from "@/lib/services/orgs/list-members";
import { ROLE_LABELS } from "@/lib/services/orgs/roles";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: PageProps<"/o/[orgSlug]/settings">) {
  const { orgSlug } = await params;
  const { user, organization, membership } = await requireMembership(orgSlug);
  const members = await listOrganizationMembers(organization.id);

  return (
    <>
      <PageHeader title="Settings" description="This organization, its members and your account." />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Organization" />
          <CardBody>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-3 text-sm">
              <dt className="text-slate-600">Name</dt>
              <dd className="font-medium break-words text-slate-900">{organization.name}</dd>
              <dt className="text-slate-600">URL name</dt>
              <dd className="font-mono break-all text-slate-900">{organization.slug}</dd>
              <dt className="text-slate-600">Created</dt>
              <dd className="text-slate-900">{formatDate(organization.createdAt)}</dd>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Your account" />
          <CardBody>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-3 text-sm">
              <dt className="text-slate-600">Email</dt>
              <dd className="break-all text-slate-900">{user.email}</dd>
              <dt className="text-slate-600">Name</dt>
              <dd className="text-slate-900">{user.name ?? <span className="text-slate-600">Not set</span>}</dd>
              <dt className="text-slate-600">Your role</dt>
              <dd>
                <Badge tone="brand">{ROLE_LABELS[membership.role]}</Badge>
              </dd>
            </dl>
          </CardBody>
        </Card>
      </div>

      <section aria-labelledby="members-heading" className="mt-8">
        <h2 id="members-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Members
        </h2>
        <DataTable
          caption="Members of this organization"
          rows={members}
          rowKey={(m) => m.membershipId}
          columns={[
            {
              key: "who",
              header: "Member",
              cell: (m) => (
                <span className="block min-w-0">
                  {m.name ? <span className="block font-medium">{m.name}</span> : null}
                  <span className="block break-all text-slate-600">{m.email}</span>
                </span>
              ),
            },
            { key: "role", header: "Role", cell: (m) => ROLE_LABELS[m.role] },
            {
              key: "status",
              header: "Status",
              hideOnMobile: true,
              cell: (m) => (m.status === "active" ? <Badge tone="success">Active</Badge> : <Badge tone="warning">Invited</Badge>),
            },
            { key: "since", header: "Since", hideOnMobile: true, cell: (m) => formatDate(m.createdAt) },
          ]}
        />
      </section>
    </>
  );
}
