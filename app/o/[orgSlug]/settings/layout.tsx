import { PageHeader } from "@/components/ui";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requireMembership } from "@/lib/auth/session";
import { scopesForRole } from "@/lib/http/session-caller";
import { hasScope } from "@/lib/services/api-keys/scopes";
import { roleAllows } from "../access";

export default async function SettingsLayout({ children, params }: LayoutProps<"/o/[orgSlug]/settings">) {
  const { orgSlug } = await params;
  const { membership } = await requireMembership(orgSlug);
  return (
    <>
      <PageHeader title="Settings" description="This organization, its API keys, members and credits." />
      <SettingsTabs orgSlug={orgSlug} isOwner={membership.role === "owner"} canReadAudit={hasScope(scopesForRole(membership.role), "audit:read")} />
      {children}
    </>
  );
}
