import { getPrisma } from "@/lib/db";
import type { ExternalIssue } from "@/lib/integrations/provider";
import { providerOf } from "./integration-context";

export interface UpstreamApplyResult {
  links: number;
  resolved: number;
  reopened: number;
  stale: number;
}

/**
 * Applies an issue's upstream state (from a webhook or a poll) to its links and findings. Out-of-order safe:
 * a state older than (or as old as) the one already applied is ignored, compared on the provider's own
 * updated_at. Closed upstream → the linked open/in-progress findings become resolved with resolution
 * `claimed_upstream` (a history line says where); reopened upstream → findings resolved that way open again.
 * Neither counts as a regression.
 */
export async function applyUpstreamIssue(input: { integrationId: string; issue: ExternalIssue }): Promise<UpstreamApplyResult> {
  const db = await getPrisma();
  const out: UpstreamApplyResult = { links: 0, resolved: 0, reopened: 0, stale: 0 };
  return db.$transaction(async (tx) => {
    const integration = await tx.integration.findUnique({ where: { id: input.integrationId }, select: { provider: true, organizationId: true } });
    if (!integration) return out;
    const name = providerOf(integration.provider).displayName;
    // Lock the links so two deliveries of the same issue apply one after the other.
    const links = await tx.$queryRawUnsafe<{ id: string; findingId: string; upstreamUpdatedAt: Date | null }[]>(
      `SELECT "id", "findingId", "upstreamUpdatedAt" FROM "IntegrationLink" WHERE "integrationId" = $1 AND "externalId" = $2 ORDER BY "id" FOR UPDATE`,
      input.integrationId,
      input.issue.externalId,
    );
    out.links = links.length;
    const now = new Date();
    for (const link of links) {
      if (link.upstreamUpdatedAt && link.upstreamUpdatedAt.getTime() >= input.issue.updatedAt.getTime()) {
        out.stale++;
        continue;
      }
      await tx.integrationLink.update({ where: { id: link.id }, data: { state: input.issue.state, upstreamUpdatedAt: input.issue.updatedAt, url: input.issue.url.slice(0, 2000), lastSyncedAt: now } });
      const finding = await tx.finding.findUnique({ where: { id: link.findingId }, select: { id: true, status: true, resolution: true, organizationId: true } });
      if (!finding) continue;
      if (input.issue.state === "closed" && (finding.status === "open" || finding.status === "in_progress")) {
        await tx.finding.update({ where: { id: finding.id }, data: { status: "resolved", resolvedAt: now, resolution: "claimed_upstream", regression: false } });
        await tx.findingEvent.create({
          data: { findingId: finding.id, organizationId: finding.organizationId, actorId: null, kind: "status", fromStatus: finding.status, toStatus: "resolved", justification: `Closed upstream in ${name} (${input.issue.url.slice(0, 500)}); the next scan confirms it.` },
        });
        out.resolved++;
      } else if (input.issue.state === "open" && finding.status === "resolved" && finding.resolution === "claimed_upstream") {
        await tx.finding.update({ where: { id: finding.id }, data: { status: "open", resolvedAt: null, resolution: null } });
        await tx.findingEvent.create({
          data: { findingId: finding.id, organizationId: finding.organizationId, actorId: null, kind: "status", fromStatus: "resolved", toStatus: "open", justification: `Reopened upstream in ${name} (${input.issue.url.slice(0, 500)}).` },
        });
        out.reopened++;
      }
    }
    return out;
  });
}
