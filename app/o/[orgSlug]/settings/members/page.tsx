import type { Metadata } from "next";
import { Badge, Card, CardBody, CardHeader, DataTable, formatDate } from "@/components/ui";
import { InviteMemberForm } from "@/components/settings/invite-member-form";
import { MemberControls } from "@/components/settings/member-controls";
import { requireMembership } from "@/lib/auth/session";
import { canAssignRole, canManageMembers, MEMBER_ROLES } from "@/lib/services/members/member-permissions";
import { listOrganizationMembers } from "@/lib/services/organizations/list-members";
import { ROLE_LABELS } from "@/lib/services/organizations/roles";
import { mailIsDelivered } from "@/lib/services/mail/transport";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: PageProps<"/o/[orgSlug]/settings/members">) {
  const { orgSlug } = await params;
  const { user, organization, membership } = await requireMembership(orgSlug);
  const members = await listOrganizationMembers(organization.id);
  const manage = canManageMembers(membership.role);
  const activeOwners = members.filter((m) => m.role === "owner" && m.status === "active").length;

  return (
    <div className="space-y-6">
      {manage ? (
        <Card>
          <CardHeader title="Invite a member" />
          <CardBody>
            <InviteMemberForm orgSlug={orgSlug} canInviteOwners={roleAllows(membership.role, { role: "owner" })} mailDelivered={mailIsDelivered()} />
          </CardBody>
        </Card>
      ) : null}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-1 text-lg font-semibold text-slate-900">
          Members
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          {manage
            ? "Owners and admins change roles and remove members. Every organization keeps at least one owner."
            : "Only owners and admins can invite people or change roles."}
        </p>
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
                  <span className="block break-all text-slate-600">
                    {m.email}
                    {m.userId === user.id ? " (you)" : ""}
                  </span>
                  <span className="mt-1 block sm:hidden">
                    <StatusBadge status={m.status} expiresAt={m.inviteExpiresAt} />
                  </span>
                </span>
              ),
            },
            {
              key: "role",
              header: "Role",
              cell: (m) => {
                const lastOwner = m.role === "owner" && m.status === "active" && activeOwners === 1;
                const roles = manage ? MEMBER_ROLES.filter((r) => r === m.role || (!lastOwner && canAssignRole(membership.role, m.role, r))) : [m.role];
                if (!manage) return ROLE_LABELS[m.role];
                return (
                  <MemberControls
                    orgSlug={orgSlug}
                    membershipId={m.membershipId}
                    email={m.email}
                    role={m.role}
                    pending={m.status === "pending"}
                    roles={[...roles]}
                    canRemove={!lastOwner && canAssignRole(membership.role, m.role, "viewer")}
                    lastOwner={lastOwner}
                  />
                );
              },
            },
            {
              key: "status",
              header: "Status",
              hideOnMobile: true,
              cell: (m) => <StatusBadge status={m.status} expiresAt={m.inviteExpiresAt} />,
            },
            { key: "since", header: "Since", hideOnMobile: true, cell: (m) => formatDate(m.createdAt) },
          ]}
        />
      </section>
    </div>
  );
}

function StatusBadge({ status, expiresAt }: { status: "active" | "pending"; expiresAt: Date | null }) {
  if (status === "active") return <Badge tone="success">Active</Badge>;
  if (expiresAt && expiresAt <= new Date()) return <Badge tone="danger">Invitation expired</Badge>;
  return <Badge tone="warning">Invited</Badge>;
}
