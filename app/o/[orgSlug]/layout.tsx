import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { requireMembership } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/services/organizations/list-user-organizations";
import { ROLE_LABELS } from "@/lib/services/organizations/roles";
import { isEmailVerified } from "@/lib/services/users/get-email-verification";
import { VerifyEmailBanner } from "@/components/shell/verify-email-banner";
import { DeletionBanner } from "@/components/shell/deletion-banner";
import { formatDate, formatDateTime } from "@/components/ui";
import { getPrisma } from "@/lib/db";
import { NotificationBell } from "@/components/shell/notification-bell";
import { listNotifications } from "@/lib/services/notifications/list-notifications";
import { roleAllows } from "./access";

const OWNERS_ONLY = /^\/o\/[^/]+\/settings\/mail\/?$/;

export default async function OrganizationLayout({ children, params }: LayoutProps<"/o/[orgSlug]">) {
  const { orgSlug } = await params;
  // The layout guards the frame; every page below repeats the check for the data it reads (layouts do not
  // re-render on every navigation, and pages must never rely on a parent for authorization).
  const { user, organization, membership } = await requireMembership(orgSlug);
  // Owners-only pages answer 404 to everyone else with a real status: pages stream behind loading.tsx
  // boundaries, after the status is sent, so the check has to happen here (proxy.ts passes the path).
  const path = (await headers()).get("x-plumb-pathname") ?? "";
  if (!roleAllows(membership.role, { role: "owner" }) && OWNERS_ONLY.test(path)) notFound();
  const organizations = await listUserOrganizations(user.id);
  const verified = await isEmailVerified({ userId: user.id });
  const pending = await (await getPrisma()).organization.findUnique({ where: { id: organization.id }, select: { deletionScheduledFor: true } });
  const deletionBanner = pending?.deletionScheduledFor ? (
    <DeletionBanner
      orgSlug={organization.slug}
      orgName={organization.name}
      scheduledFor={formatDate(pending.deletionScheduledFor)}
      canCancel={roleAllows(membership.role, { role: "owner" })}
    />
  ) : null;
  const notes = await listNotifications({ orgId: organization.id, userId: user.id, limit: 10 });
  const hrefOf = (n: { taskId: string | null; findingId: string | null }) =>
    n.taskId ? `/o/${organization.slug}/tasks?task=${encodeURIComponent(n.taskId)}` : n.findingId ? `/o/${organization.slug}/findings?finding=${encodeURIComponent(n.findingId)}` : `/o/${organization.slug}/tasks/my-work`;
  return (
    <AppShell
      headerExtra={
        <NotificationBell
          orgSlug={organization.slug}
          unread={notes.unread}
          items={notes.items.map((n) => ({ id: n.id, title: n.title, body: n.body, href: hrefOf(n), read: n.readAt !== null, at: formatDateTime(n.createdAt) }))}
        />
      }
      user={{ name: user.name, email: user.email }}
      current={{ slug: organization.slug, name: organization.name, role: ROLE_LABELS[membership.role] }}
      organizations={organizations.map((o) => ({ slug: o.slug, name: o.name, role: ROLE_LABELS[o.role] }))}
      banner={
        deletionBanner || !verified ? (
          <>
            {deletionBanner}
            {verified ? null : <VerifyEmailBanner email={user.email} />}
          </>
        ) : null
      }
    >
      {children}
    </AppShell>
  );
}
