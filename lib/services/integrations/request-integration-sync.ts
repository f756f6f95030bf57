import { getPrisma, type PrismaNS } from "@/lib/db";
import { enqueueJob, flushOutbox } from "@/lib/jobs/outbox";
import type { ProviderId } from "@/lib/integrations/provider";
import { isTracker } from "@/lib/integrations/provider";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { getIntegration } from "./get-integration";
import { providerOf } from "./integration-context";

export const MAX_FINDINGS_PER_SEND = 1000;

/**
 * Asks for a sync of the integration. With `findingIds` ("Send to GitHub…"), those findings get a pending
 * link first — and so do the other findings of their tasks, since a task's findings share one issue. The
 * links' uniqueness per (integration, finding) is what keeps a repeated send from filing a second issue.
 * The job goes through the outbox in the same transaction.
 */
export async function requestIntegrationSync(actor: Actor, input: { provider: ProviderId; findingIds?: string[] }, tx?: PrismaNS.TransactionClient) {
  const row = await getIntegration({ orgId: actor.orgId, provider: input.provider });
  if (!row.encryptedCredentials || row.status === "disconnected") throw new ServiceError("conflict", "Connect the integration first.");
  const provider = providerOf(input.provider);
  if (input.findingIds?.length && !isTracker(provider)) throw new ServiceError("invalid_params", `${provider.displayName} does not take issues.`);
  const db = await getPrisma();
  const run = async (t: PrismaNS.TransactionClient) => {
    let added = 0;
    if (input.findingIds?.length) {
      const ids = [...new Set(input.findingIds)].slice(0, MAX_FINDINGS_PER_SEND);
      const found = await t.finding.findMany({ where: { id: { in: ids }, organizationId: actor.orgId }, select: { id: true, taskLinks: { select: { task: { select: { findings: { select: { findingId: true } } } } } } } });
      if (found.length !== ids.length) throw new ServiceError("not_found", "One or more findings do not exist in this organization.");
      const all = new Set(ids);
      for (const f of found) for (const l of f.taskLinks) for (const tf of l.task.findings) all.add(tf.findingId);
      const res = await t.integrationLink.createMany({
        data: [...all].map((findingId) => ({ organizationId: actor.orgId, integrationId: row.id, findingId, provider: row.provider, state: "pending" })),
        skipDuplicates: true,
      });
      added = res.count;
    }
    await t.integration.update({ where: { id: row.id }, data: { status: "syncing" } });
    await enqueueJob(t, {
      event: "plumb/integration.sync",
      data: { integrationId: row.id, organizationId: actor.orgId },
      // One run per request; concurrent runs of one integration are serialized by the function's keyed concurrency.
      key: `integration-sync:${row.id}:${Date.now()}:${Math.random().toString(36).slice(2, 8)}`,
    });
    await recordAuditEvent(t, actor, { action: "integration.sync", targetType: "integration", targetId: row.id, metadata: { provider: input.provider, findings: input.findingIds?.length ?? 0, added } });
    return { integrationId: row.id, queued: true, added };
  };
  if (tx) return run(tx);
  const out = await db.$transaction(run);
  await flushOutbox();
  return out;
}
