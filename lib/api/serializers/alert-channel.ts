import type { z } from "zod";
import type { AlertChannel, AlertDelivery } from "@/generated/prisma/client";
import type { alertChannelSchema, alertDeliverySchema } from "@/lib/api/contract/alert-channels";
import type { SubscribableTrigger } from "@/lib/services/alerts/alert-triggers";

export function serializeAlertChannel(c: AlertChannel): z.input<typeof alertChannelSchema> {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    url: c.urlDisplay,
    email: c.email,
    triggers: c.triggers as SubscribableTrigger[],
    domain_ids: c.domainIds,
    min_severity: c.minSeverity,
    tls_expiry_days: c.tlsExpiryDays,
    enabled: c.enabled,
    has_secret: c.secretEncrypted !== null,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

type Attempt = { at: string; status: number | null; latency_ms: number; error: string | null };

export function serializeAlertDelivery(d: AlertDelivery): z.input<typeof alertDeliverySchema> {
  return {
    id: d.id,
    channel_id: d.channelId,
    event_key: d.eventKey,
    trigger: d.trigger,
    status: d.status,
    attempts: d.attempts,
    response_code: d.responseCode,
    latency_ms: d.latencyMs,
    last_error: d.lastError,
    attempt_log: Array.isArray(d.attemptLog) ? (d.attemptLog as unknown as Attempt[]) : [],
    payload: d.payload,
    created_at: d.createdAt.toISOString(),
    delivered_at: d.deliveredAt?.toISOString() ?? null,
  };
}
