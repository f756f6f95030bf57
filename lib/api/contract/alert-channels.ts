import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";
import { severitySchema } from "../schemas/enums";
import { ALERT_TRIGGERS } from "@/lib/services/alerts/alert-triggers";

const trigger = z.enum(ALERT_TRIGGERS).meta({ id: "AlertTrigger" });
const kind = z.enum(["webhook", "slack", "email"]).meta({ id: "AlertChannelKind" });

export const alertChannelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind,
    url: z.string().nullable().meta({ description: "Scheme and host only; the path is never shown again (a Slack URL is a credential)." }),
    email: z.string().nullable(),
    triggers: z.array(trigger),
    domain_ids: z.array(z.string()).meta({ description: "Empty: every domain." }),
    min_severity: severitySchema.nullable().meta({ description: "Events with a severity below this are not sent." }),
    tls_expiry_days: z.number().int(),
    enabled: z.boolean(),
    has_secret: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "AlertChannel" });

export const alertChannelWithSecretSchema = alertChannelSchema
  .extend({ secret: z.string().nullable().meta({ description: "Webhooks: the signing secret, shown only in this response." }) })
  .meta({ id: "AlertChannelWithSecret" });

export const alertDeliverySchema = z
  .object({
    id: z.string(),
    channel_id: z.string(),
    event_key: z.string(),
    trigger: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    response_code: z.number().int().nullable(),
    latency_ms: z.number().int().nullable(),
    last_error: z.string().nullable(),
    attempt_log: z.array(z.object({ at: z.string(), status: z.number().int().nullable(), latency_ms: z.number().int(), error: z.string().nullable() })),
    payload: z.unknown(),
    created_at: timestamp,
    delivered_at: timestamp.nullable(),
  })
  .meta({ id: "AlertDelivery" });

const url = z.url({ protocol: /^https?$/ }).max(2000);
const base = {
  name: z.string().trim().min(1).max(100),
  triggers: z.array(trigger).min(1).max(ALERT_TRIGGERS.length),
  domain_ids: z.array(z.string().min(1).max(64)).max(200).optional(),
  min_severity: severitySchema.nullable().optional(),
  tls_expiry_days: z.number().int().min(1).max(365).optional(),
  enabled: z.boolean().optional(),
};

export const createAlertChannelBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("webhook"), url, ...base }),
  z.object({ kind: z.literal("slack"), url, ...base }),
  z.object({ kind: z.literal("email"), email: z.email().max(254), ...base }),
]);

export const updateAlertChannelBody = z
  .object({
    name: base.name.optional(),
    url: url.optional(),
    email: z.email().max(254).optional(),
    triggers: base.triggers.optional(),
    domain_ids: base.domain_ids,
    min_severity: base.min_severity,
    tls_expiry_days: base.tls_expiry_days,
    enabled: base.enabled,
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Nothing to change." });

const tags = ["alerts"];

export const listAlertChannelsContract = defineContract({
  id: "alert-channels.list",
  method: "GET",
  path: "/api/v1/alert-channels",
  summary: "List alert channels",
  tags,
  auth: "key-or-session",
  scope: "alerts:read",
  response: { kind: "list", item: alertChannelSchema },
});

export const createAlertChannelContract = defineContract({
  id: "alert-channels.create",
  method: "POST",
  path: "/api/v1/alert-channels",
  summary: "Create an alert channel",
  description:
    "webhook (signed JSON POST: `Plumb-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">`), slack (incoming webhook, Block Kit) " +
    "or email. URLs must pass the SSRF guard (no private, loopback or metadata addresses). A webhook's signing secret is in this response only.",
  tags,
  auth: "key-or-session",
  scope: "alerts:write",
  body: createAlertChannelBody,
  response: { kind: "json", schema: alertChannelWithSecretSchema },
  status: 201,
});

export const updateAlertChannelContract = defineContract({
  id: "alert-channels.update",
  method: "PATCH",
  path: "/api/v1/alert-channels/{id}",
  summary: "Update an alert channel",
  tags,
  auth: "key-or-session",
  scope: "alerts:write",
  params: idParam,
  body: updateAlertChannelBody,
  response: { kind: "json", schema: alertChannelSchema },
});

export const deleteAlertChannelContract = defineContract({
  id: "alert-channels.delete",
  method: "DELETE",
  path: "/api/v1/alert-channels/{id}",
  summary: "Delete an alert channel",
  description: "Its delivery log goes with it.",
  tags,
  auth: "key-or-session",
  scope: "alerts:write",
  params: idParam,
  response: { kind: "json", schema: z.object({ id: z.string(), deleted: z.literal(true) }) },
});

export const testAlertChannelContract = defineContract({
  id: "alert-channels.test",
  method: "POST",
  path: "/api/v1/alert-channels/{id}/test",
  summary: "Send a test alert",
  description: "Queues a `test` event to this channel; the returned delivery shows its outcome in the delivery log.",
  tags,
  auth: "key-or-session",
  scope: "alerts:write",
  params: idParam,
  response: { kind: "json", schema: alertDeliverySchema },
  status: 202,
  errors: ["conflict"],
});

export const rollAlertChannelSecretContract = defineContract({
  id: "alert-channels.roll-secret",
  method: "POST",
  path: "/api/v1/alert-channels/{id}/roll-secret",
  summary: "Roll a webhook's signing secret",
  description: "The new secret is in this response only; deliveries from now on are signed with it.",
  tags,
  auth: "key-or-session",
  scope: "alerts:write",
  params: idParam,
  response: { kind: "json", schema: alertChannelWithSecretSchema },
});

export const listAlertDeliveriesContract = defineContract({
  id: "alert-channels.deliveries",
  method: "GET",
  path: "/api/v1/alert-channels/{id}/deliveries",
  summary: "A channel's delivery log",
  description: "Newest first: every alert sent to the channel, its attempts, response codes and latency.",
  tags,
  auth: "key-or-session",
  scope: "alerts:read",
  params: idParam,
  query: paginationQuery,
  response: { kind: "list", item: alertDeliverySchema },
});
