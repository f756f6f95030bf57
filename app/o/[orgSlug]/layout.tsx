import { AppShell } from "@/components/shell/app-shell";
import { requireMembership } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/services/organizations/list-user-organizations";
import { ROLE_LABELS } from "@/lib/services/organizations/roles";

export default async function OrganizationLayout({ children, params }: LayoutProps<"/o/[orgSlug]">) {
  const { orgSlug } = await params;
  // The layout guards the frame; every page below repeats the check for the data it reads (layouts do not
  // re-render on every navigation, and pages must never rely on a parent for authorization).
  const { user, organization, membership } = await requireMembership(orgSlug);
  const organizations = await listUserOrganizations(user.id);
  return (
    <AppShell
      user={{ name: user.name, email: user.email }}
      current={{ slug: organization.slug, name: organization.name, role: ROLE_LABELS[membership.role] }}
      organizations={organizations.map((o) => ({ slug: o.slug, name: o.name, role: ROLE_LABELS[o.role] }))}
    >
      {children}
    </AppShell>
  );
}
