import { getPrisma } from "@/lib/db";
import { listProviders } from "@/lib/integrations/registry";

/** Connected tracker integrations not polled for `minutes`, oldest first (the cron polls them). */
export async function listPollableIntegrations(input: { minutes: number; now?: Date; limit?: number }): Promise<string[]> {
  const db = await getPrisma();
  const trackers = listProviders().filter((p) => p.kind === "tracker").map((p) => p.id);
  const before = new Date((input.now ?? new Date()).getTime() - input.minutes * 60_000);
  const rows = await db.integration.findMany({
    where: { provider: { in: trackers }, status: { in: ["connected", "syncing"] }, encryptedCredentials: { not: null }, OR: [{ lastPolledAt: null }, { lastPolledAt: { lt: before } }], links: { some: { externalId: { not: null } } } },
    orderBy: { lastPolledAt: { sort: "asc", nulls: "first" } },
    take: input.limit ?? 100,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
