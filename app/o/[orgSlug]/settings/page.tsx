import type { Metadata } from "next";
import { Badge, Card, CardBody, CardHeader, formatDate } from "@/components/ui";
import { OrgNameForm } from "@/components/settings/org-name-form";
import { RequireTwoFactorForm } from "@/components/settings/require-two-factor-form";
import { OrganizationData } from "@/components/settings/organization-data";
import { requireMembership } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { ROLE_LABELS } from "@/lib/services/organizations/roles";
import { roleAllows } from "../access";

export const metadata: Metadata = { title: "Settings" };

export default async function GeneralSettingsPage({ params }: PageProps<"/o/[orgSlug]/settings">) {
  const { orgSlug } = await params;
  const { user, organization, membership } = await requireMembership(orgSlug);
  const canEdit = roleAllows(membership.role, { role: "admin" });
  const isOwner = roleAllows(membership.role, { role: "owner" });
  const deletion = isOwner
    ? await (await getPrisma()).organization.findUnique({ where: { id: organization.id }, select: { deletionScheduledFor: true } })
    : null;

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader title="Organization" description={canEdit ? undefined : "Only owners and admins can rename the organization."} />
        <CardBody className="space-y-4">
          {canEdit ? <OrgNameForm orgSlug={orgSlug} name={organization.name} /> : null}
          <dl className="grid grid-cols-[8rem_1fr] gap-y-3 text-sm">
            {canEdit ? null : (
              <>
                <dt className="text-slate-600">Name</dt>
                <dd className="font-medium break-words text-slate-900">{organization.name}</dd>
              </>
            )}
            <dt className="text-slate-600">URL name</dt>
            <dd className="font-mono break-all text-slate-900">{organization.slug}</dd>
            <dt className="text-slate-600">Created</dt>
            <dd className="text-slate-900">{formatDate(organization.createdAt)}</dd>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Two-factor sign-in"
          description={roleAllows(membership.role, { role: "owner" }) ? undefined : "Only owners can change this."}
        />
        <CardBody>
          {roleAllows(membership.role, { role: "owner" }) ? (
            <RequireTwoFactorForm orgSlug={organization.slug} enabled={organization.requireTwoFactor} />
          ) : (
            <p className="text-sm text-slate-700">
              {organization.requireTwoFactor ? "Required for every member." : "Not required."}
            </p>
          )}
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
      {isOwner ? (
        <Card id="organization-data">
          <CardHeader title="Organization data" description="Export everything Plumb holds about this organization, or delete it." />
          <CardBody>
            <OrganizationData
              orgSlug={organization.slug}
              scheduledFor={deletion?.deletionScheduledFor ? formatDate(deletion.deletionScheduledFor) : null}
            />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
