import type { Metadata } from "next";
import { Alert } from "@/components/ui";
import { IntegrationCard, type IntegrationView } from "@/components/settings/integration-card";
import { requireMembership } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { serializeIntegration } from "@/lib/api/serializers/integration";
import { openWebhookSecret } from "@/lib/integrations/credentials";
import { setupFields } from "@/lib/integrations/setup-fields";
import { hasScope } from "@/lib/services/api-keys/scopes";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params, searchParams }: PageProps<"/o/[orgSlug]/settings/integrations">) {
  const { orgSlug } = await params;
  const sp = await searchParams;
  const { organization, membership } = await requireMembership(orgSlug);
    if (!roleAllows(membership.role, "integrations:read")) {
    return <Alert tone="info" title="Integrations are not visible to your role" />;
  }
  const canWrite = roleAllows(membership.role, "integrations:write");
  const db = await getPrisma();
  const entries = await listIntegrations({ orgId: organization.id });
  // The webhook secret is what the owner pastes into the provider: shown to members who may manage integrations.
  const secrets = canWrite
    ? new Map((await db.integration.findMany({ where: { organizationId: organization.id }, select: { id: true, encryptedWebhookSecret: true, encryptionKeyId: true } })).map((r) => [r.id, safeOpen(r)]))
    : new Map<string, string | null>();
  const members = (await db.membership.findMany({ where: { organizationId: organization.id, status: "active" }, select: { userId: true, user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" }, take: 50 })).flatMap((m) =>
    m.userId ? [{ id: m.userId, label: m.user?.name || m.user?.email || m.userId }] : [],
  );
  const connectedParam = typeof sp.connected === "string" ? sp.connected : null;
  const oauthError = typeof sp.oauth_error === "string" ? sp.oauth_error.slice(0, 300) : null;

  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm text-slate-700">
        Send findings to your issue tracker, keep the issues up to date, and let a closed issue resolve its finding. Tokens are stored encrypted and never shown again.
      </p>
      {connectedParam ? <Alert tone="success" title={`Connected to ${connectedParam}`} /> : null}
      {oauthError ? (
        <Alert tone="danger" title="The connection did not complete">
          <p className="break-words">{oauthError}</p>
        </Alert>
      ) : null}
      {entries.length === 0 ? <Alert tone="info" title="No integration is available in this build" /> : null}
      <div className="grid gap-6 xl:grid-cols-2">
        {entries.map(({ provider, row, links }) => {
          const s = serializeIntegration(provider, row, links);
          const setup = setupFields(provider.id);
          const cfg = (row?.config ?? {}) as Record<string, unknown> & { labels?: { always?: string[]; byPillar?: boolean; bySeverity?: boolean }; assignees?: Record<string, string> };
          const view: IntegrationView = {
            provider: s.provider,
            displayName: s.display_name,
            status: s.status,
            account: s.account,
            baseUrl: s.base_url,
            defaultBaseUrl: s.default_base_url,
            requiredScopes: s.required_scopes,
            oauthAvailable: s.oauth_available,
            webhookUrl: s.webhook_url,
            webhookSecret: row ? (secrets.get(row.id) ?? null) : null,
            lastSyncAt: s.last_sync_at,
            lastError: s.last_error,
            links: s.links,
            kind: provider.kind,
            setup,
            target: setup.target && typeof cfg[setup.target.key] === "string" ? (cfg[setup.target.key] as string) : "",
            labels: { always: cfg.labels?.always ?? [], byPillar: cfg.labels?.byPillar ?? true, bySeverity: cfg.labels?.bySeverity ?? true },
            assignees: cfg.assignees ?? {},
          };
          return <IntegrationCard key={provider.id} orgSlug={orgSlug} view={view} members={members} canWrite={canWrite} />;
        })}
      </div>
    </div>
  );
}

function safeOpen(row: { encryptedWebhookSecret: string | null; encryptionKeyId: string | null }): string | null {
  try {
    return openWebhookSecret(row);
  } catch {
    return null;
  }
}
