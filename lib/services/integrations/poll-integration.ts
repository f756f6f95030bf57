import { getPrisma } from "@/lib/db";
import { isTracker, ProviderError, type TrackerProvider } from "@/lib/integrations/provider";
import { applyUpstreamIssue } from "./apply-upstream-issue";
import { integrationContext } from "./integration-context";
import { refreshOAuthCredential } from "./refresh-oauth-credential";
import { recordIntegrationError } from "./record-integration-error";

/**
 * The fallback for missed webhooks: reads the issues updated upstream since the last poll (minus a minute of
 * overlap for clock skew) and applies those Plumb links to. Replayed states are harmless (updated_at order).
 */
export async function pollIntegration(input: { integrationId: string; now?: Date }): Promise<{ issues: number; applied: number }> {
  const db = await getPrisma();
  const stored = await db.integration.findUnique({ where: { id: input.integrationId } });
  if (!stored || !stored.encryptedCredentials || stored.status === "disconnected") return { issues: 0, applied: 0 };
  let row = stored;
  try {
    row = await refreshOAuthCredential(stored);
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    await recordIntegrationError({ integrationId: stored.id, error: err });
    return { issues: 0, applied: 0 };
  }
  const { provider, ctx } = integrationContext(row);
  if (!isTracker(provider)) return { issues: 0, applied: 0 };
  const tracker = provider as TrackerProvider<unknown>;
  if (!tracker.listIssuesUpdatedSince) return { issues: 0, applied: 0 };
  const now = input.now ?? new Date();
  const oldestLink = await db.integrationLink.findFirst({ where: { integrationId: row.id, externalId: { not: null } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  if (!oldestLink) return { issues: 0, applied: 0 };
  const since = new Date(Math.max(oldestLink.createdAt.getTime(), (row.lastPolledAt?.getTime() ?? 0) - 60_000) - 1000);
  let issues;
  try {
    issues = await tracker.listIssuesUpdatedSince(ctx, since);
  } catch (err) {
    if (err instanceof ProviderError) {
      await recordIntegrationError({ integrationId: row.id, error: err });
      return { issues: 0, applied: 0 };
    }
    throw err;
  }
  const linked = new Set((await db.integrationLink.findMany({ where: { integrationId: row.id, externalId: { in: issues.map((i) => i.externalId) } }, select: { externalId: true } })).map((l) => l.externalId));
  let applied = 0;
  for (const issue of issues) {
    if (!linked.has(issue.externalId)) continue;
    const r = await applyUpstreamIssue({ integrationId: row.id, issue });
    applied += r.links - r.stale;
  }
  await db.integration.update({ where: { id: row.id }, data: { lastPolledAt: now } });
  return { issues: issues.length, applied };
}
