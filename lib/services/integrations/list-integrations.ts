import { getPrisma } from "@/lib/db";
import { listProviders } from "@/lib/integrations/registry";

/**
 * Every available provider with the organization's integration when there is one (status, account, config,
 * link counts), in the registry's order. Credentials are never read here.
 */
export async function listIntegrations(input: { orgId: string }) {
  const db = await getPrisma();
  const rows = await db.integration.findMany({
    where: { organizationId: input.orgId },
    omit: { encryptedCredentials: true, encryptedWebhookSecret: true },
  });
  const counts = await db.integrationLink.groupBy({ by: ["integrationId", "state"], where: { organizationId: input.orgId }, _count: { _all: true } });
  return listProviders().map((provider) => {
    const row = rows.find((r) => r.provider === provider.id) ?? null;
    const links = { pending: 0, open: 0, closed: 0 };
    for (const c of counts) if (row && c.integrationId === row.id && c.state in links) links[c.state as keyof typeof links] = c._count._all;
    return { provider, row, links };
  });
}
