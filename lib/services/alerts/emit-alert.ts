import type { PrismaNS } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/outbox";
import { SEVERITIES, type Severity } from "@/lib/scanner/types";
import type { AlertTrigger } from "./alert-triggers";

export interface AlertEvent {
  orgId: string;
  trigger: AlertTrigger;
  /** Identifies the event: (channel, eventKey) is unique, so the same event never reaches a channel twice. */
  eventKey: string;
  domainId?: string | null;
  /** The event's worst severity, for channels with a minimum. Events without one pass that filter. */
  severity?: Severity | null;
  /** tls.expiring: days until the certificate expires, compared with each channel's threshold. */
  tlsDaysLeft?: number;
  /** Only this channel (policy notifications, tests), whatever its triggers. */
  channelId?: string;
  data: PrismaNS.InputJsonObject;
  now?: Date;
}

const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/**
 * Writes one AlertDelivery per channel that wants the event (trigger, domains, minimum severity, TLS days)
 * and its delivery job to the outbox, in the caller's transaction; the caller flushes the outbox after commit.
 * A delivery that already exists for (channel, eventKey) is left alone. Returns how many were created.
 */
export async function emitAlert(tx: PrismaNS.TransactionClient, e: AlertEvent): Promise<number> {
  const channels = await tx.alertChannel.findMany({
    where: {
      organizationId: e.orgId,
      enabled: true,
      ...(e.channelId ? { id: e.channelId } : { triggers: { has: e.trigger } }),
    },
  });
  const wanted = channels.filter((c) => {
    if (e.channelId) return true;
    if (e.domainId && c.domainIds.length > 0 && !c.domainIds.includes(e.domainId)) return false;
    if (e.severity && c.minSeverity && RANK[e.severity] > RANK[c.minSeverity as Severity]) return false;
    if (e.tlsDaysLeft !== undefined && e.tlsDaysLeft > c.tlsExpiryDays) return false;
    return true;
  });
  if (wanted.length === 0) return 0;
  const now = e.now ?? new Date();
  const payload: PrismaNS.InputJsonObject = {
    id: e.eventKey,
    type: e.trigger,
    created_at: now.toISOString(),
    organization_id: e.orgId,
    data: e.data,
  };
  const created = await tx.alertDelivery.createManyAndReturn({
    data: wanted.map((c) => ({ organizationId: e.orgId, channelId: c.id, eventKey: e.eventKey, trigger: e.trigger, payload })),
    skipDuplicates: true,
    select: { id: true, channelId: true },
  });
  for (const d of created) {
    await enqueueJob(tx, {
      event: "plumb/alert.deliver",
      data: { deliveryId: d.id, channelId: d.channelId, organizationId: e.orgId },
      key: `alert:${d.id}`,
    });
  }
  return created.length;
}
