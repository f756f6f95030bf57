import type { Metadata } from "next";
import { Alert } from "@/components/ui";
import { PolicyManager } from "@/components/automation/policy-manager";
import { requireMembership } from "@/lib/auth/session";
import { listPolicies } from "@/lib/services/policies/list-policies";
import { listAlertChannels } from "@/lib/services/alerts/list-alert-channels";
import { serializePolicy } from "@/lib/api/serializers/policy";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";
import { listOrganizationMembers } from "@/lib/services/organizations/list-members";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage({ params }: PageProps<"/o/[orgSlug]/settings/policies">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  if (!roleAllows(membership.role, "policies:read")) return <Alert tone="info">Your role cannot see policies.</Alert>;
  const [policies, channels, members, integrations] = await Promise.all([
    listPolicies({ orgId: organization.id }),
    listAlertChannels({ orgId: organization.id }),
    listOrganizationMembers(organization.id),
    listIntegrations({ orgId: organization.id }),
  ]);
  return (
    <PolicyManager
      orgSlug={orgSlug}
      canWrite={roleAllows(membership.role, "policies:write")}
      initialPolicies={policies.map((p) => {
        const s = serializePolicy(p);
        return { id: s.id, name: s.name, kind: s.kind, enabled: s.enabled, position: s.position, rules: s.rules };
      })}
      channels={channels.map((c) => ({ id: c.id, name: c.name }))}
      members={members.filter((m) => m.status === "active" && m.userId).map((m) => ({ id: m.userId as string, name: m.name ? `${m.name} (${m.email})` : m.email }))}
      trackers={integrations.flatMap((i) =>
        i.provider.kind === "tracker" && i.row && i.row.status !== "disconnected" ? [{ id: i.row.id, name: i.provider.displayName }] : [],
      )}
    />
  );
}
