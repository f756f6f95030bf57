import { PageHeader } from "@/components/ui";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requireMembership } from "@/lib/auth/session";

export default async function SettingsLayout({ children, params }: LayoutProps<"/o/[orgSlug]/settings">) {
  const { orgSlug } = await params;
  await requireMembership(orgSlug);
  return (
    <>
      <PageHeader title="Settings" description="This organization, its API keys, members and credits." />
      <SettingsTabs orgSlug={orgSlug} />
      {children}
    </>
  );
}
