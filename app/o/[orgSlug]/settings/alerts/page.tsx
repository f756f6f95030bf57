import type { Metadata } from "next";
import { Alert } from "@/components/ui";
import { AlertChannelManager } from "@/components/automation/alert-channel-manager";
import { requireMembership } from "@/lib/auth/session";
import { listAlertChannels } from "@/lib/services/alerts/list-alert-channels";
import { serializeAlertChannel } from "@/lib/api/serializers/alert-channel";
import { getPrisma } from "@/lib/db";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: PageProps<"/o/[orgSlug]/settings/alerts">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
    if (!roleAllows(membership.role, "alerts:read")) return <Alert tone="info">Your role cannot see alert channels.</Alert>;
  const db = await getPrisma();
  const [channels, domains] = await Promise.all([
    listAlertChannels({ orgId: organization.id }),
    db.domain.findMany({ where: { organizationId: organization.id }, select: { id: true, host: true }, orderBy: { host: "asc" }, take: 200 }),
  ]);
  return <AlertChannelManager orgSlug={orgSlug} canWrite={roleAllows(membership.role, "alerts:write")} initialChannels={channels.map(serializeAlertChannel)} domains={domains} />;
}
