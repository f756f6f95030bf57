import { getPrisma } from "@/lib/db";

/** Marks the sync done: `connected`, last sync time, and a plain note when some issues could not be synced. */
export async function finishIntegrationSync(input: { integrationId: string; failed: number }): Promise<void> {
  const db = await getPrisma();
  let lastError: string | null = null;
  if (input.failed > 0) {
    const sample = await db.integrationLink.findFirst({ where: { integrationId: input.integrationId, lastError: { not: null } }, orderBy: { lastSyncedAt: "desc" }, select: { lastError: true } });
    lastError = `${input.failed} issue(s) could not be synced${sample?.lastError ? `: ${sample.lastError}` : "."}`.slice(0, 1000);
  }
  await db.integration.updateMany({ where: { id: input.integrationId, status: { in: ["syncing", "connected", "error"] } }, data: { status: "connected", lastSyncAt: new Date(), lastError } });
}
