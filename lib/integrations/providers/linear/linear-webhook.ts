// Linear webhook deliveries: `Linear-Signature` is the hex HMAC-SHA256 of the raw body with the webhook's signing
// secret; the body's `webhookTimestamp` (ms) must be within a minute of now, so a captured delivery cannot be
// replayed later. `Linear-Delivery` identifies the delivery (the framework ignores one it has already seen).
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ProviderError, type WebhookEvent, type WebhookRequest } from "@/lib/integrations/provider";

export const LINEAR_WEBHOOK_MAX_AGE_MS = 60_000;

export function verifyLinearWebhook(req: WebhookRequest, now = Date.now()): boolean {
  const got = (req.headers["linear-signature"] ?? "").trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(got) || !req.secret) return false;
  const want = createHmac("sha256", req.secret).update(req.rawBody, "utf8").digest();
  if (!timingSafeEqual(Buffer.from(got, "hex"), want)) return false;
  let ts: unknown;
  try {
    ts = (JSON.parse(req.rawBody) as { webhookTimestamp?: unknown }).webhookTimestamp;
  } catch {
    return false;
  }
  return typeof ts === "number" && Math.abs(now - ts) <= LINEAR_WEBHOOK_MAX_AGE_MS;
}

const payloadSchema = z.object({
  action: z.string().max(50),
  type: z.string().max(100),
  webhookTimestamp: z.number(),
  data: z
    .object({
      id: z.string().max(100),
      url: z.string().max(2000).optional(),
      title: z.string().max(2000).optional(),
      updatedAt: z.string().max(100).optional(),
      state: z.object({ type: z.string().max(50) }).optional(),
    })
    .passthrough()
    .optional(),
});

export function parseLinearWebhook(req: WebhookRequest): WebhookEvent {
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    throw new ProviderError("invalid_response", "The Linear webhook body is not JSON.");
  }
  const parsed = payloadSchema.safeParse(body);
  if (!parsed.success) throw new ProviderError("invalid_response", "The Linear webhook body is not an event Plumb understands.");
  const p = parsed.data;
  const deliveryId = req.headers["linear-delivery"] || `${p.type}:${p.data?.id ?? ""}:${p.webhookTimestamp}`;
  if (p.type !== "Issue" || !p.data || p.action === "remove" || !p.data.state) return { deliveryId, kind: "ignored" };
  const type = p.data.state.type;
  const updated = p.data.updatedAt ? new Date(p.data.updatedAt) : new Date(p.webhookTimestamp);
  return {
    deliveryId,
    kind: "issue",
    issue: {
      externalId: p.data.id,
      url: p.data.url && /^https?:\/\//.test(p.data.url) ? p.data.url : "",
      state: type === "completed" || type === "canceled" ? "closed" : "open",
      updatedAt: Number.isNaN(updated.getTime()) ? new Date(p.webhookTimestamp) : updated,
      title: p.data.title,
    },
  };
}
