import type { PrismaNS } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/outbox";
import { isTracker } from "@/lib/integrations/provider";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event";
import { providerOf } from "../integrations/integration-context";
import type { PlannedAction } from "./plan-policy-actions";

/**
 * The sync_integration actions of one policy for one integration, inside the policy run's transaction: the
 * findings get a pending link (the same links "Send to …" writes, unique per integration and finding, so the
 * issue is filed once) and the existing issue sync is queued through the job outbox, keyed per policy and
 * scan so a retried step queues it once. Each finding gets a "sync" history line and an audit event.
 * An integration disconnected (or deleted) since the policy was saved does nothing. Returns the findings queued.
 */
export async function applyPolicySync(
  tx: PrismaNS.TransactionClient,
  input: { orgId: string; scanId: string; integrationId: string; policyId: string; policyName: string; actions: PlannedAction[]; now: Date },
): Promise<number> {
  const integration = await tx.integration.findFirst({
    where: { id: input.integrationId, organizationId: input.orgId },
    select: { id: true, provider: true, status: true, encryptedCredentials: true },
  });
  if (!integration || !integration.encryptedCredentials || integration.status === "disconnected") return 0;
  const provider = providerOf(integration.provider);
  if (!isTracker(provider)) return 0;
  const findingIds = [...new Set(input.actions.map((a) => a.findingId))];
  const created = await tx.integrationLink.createManyAndReturn({
    data: findingIds.map((findingId) => ({ organizationId: input.orgId, integrationId: integration.id, findingId, provider: integration.provider, state: "pending" })),
    skipDuplicates: true,
    select: { findingId: true },
  });
  if (created.length === 0) return 0;
  await tx.integration.update({ where: { id: integration.id }, data: { status: "syncing" } });
  await enqueueJob(tx, {
    event: "plumb/integration.sync",
    data: { integrationId: integration.id, organizationId: input.orgId },
    key: `integration-sync:${integration.id}:policy:${input.policyId}:scan:${input.scanId}`,
  });
  const actor = systemActor(input.orgId);
  const note = `The automation policy “${input.policyName}” sent it to ${provider.displayName} (an issue is filed by the sync).`;
  for (const { findingId } of created) {
    await tx.findingEvent.create({
      data: { findingId, organizationId: input.orgId, actorId: null, policyId: input.policyId, kind: "sync", justification: note, createdAt: input.now },
    });
    await recordAuditEvent(tx, actor, {
      action: "policy.apply",
      targetType: "finding",
      targetId: findingId,
      metadata: { policy_id: input.policyId, policy_name: input.policyName, action: "sync_integration", scan_id: input.scanId, integration_id: integration.id, provider: integration.provider },
      after: { integration_id: integration.id, link_state: "pending" },
    });
  }
  return created.length;
}
