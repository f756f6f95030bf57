import type { Integration } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db";

/** The organization's connected Sentry integration, or null. */
export async function connectedSentry(orgId: string): Promise<Integration | null> {
  const db = await getPrisma();
  const row = await db.integration.findUnique({ where: { organizationId_provider: { organizationId: orgId, provider: "sentry" } } });
  return row && row.encryptedCredentials && row.status !== "disconnected" ? row : null;
}
