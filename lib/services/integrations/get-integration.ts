import { getPrisma } from "@/lib/db";
import type { ProviderId } from "@/lib/integrations/provider";
import { ServiceError } from "../errors";

/** The organization's integration for a provider; 404 when it was never connected. */
export async function getIntegration(input: { orgId: string; provider: ProviderId }) {
  const db = await getPrisma();
  const row = await db.integration.findUnique({ where: { organizationId_provider: { organizationId: input.orgId, provider: input.provider } } });
  if (!row) throw new ServiceError("not_found", "This integration is not set up.");
  return row;
}
