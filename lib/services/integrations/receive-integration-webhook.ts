import { getPrisma } from "@/lib/db";
import { openWebhookSecret } from "@/lib/integrations/credentials";
import { ProviderError } from "@/lib/integrations/provider";
import { ServiceError } from "../errors";
import { applyUpstreamIssue, type UpstreamApplyResult } from "./apply-upstream-issue";
import { providerOf } from "./integration-context";

export type WebhookOutcome = { status: "applied"; result: UpstreamApplyResult } | { status: "duplicate" } | { status: "ignored"; reason: string };

/**
 * A provider's webhook for one integration (`/api/v1/integrations/webhooks/{integrationId}`). Verifies the
 * signature or token with the integration's own secret (timing-safe, in the provider), refuses anything
 * unsigned as not found (nothing about the integration is revealed), records the delivery id so a replay
 * is ignored, then applies the issue's state (out-of-order deliveries are ignored by updated_at).
 */
export async function receiveIntegrationWebhook(input: { integrationId: string; headers: Record<string, string>; rawBody: string }): Promise<WebhookOutcome> {
  const db = await getPrisma();
  const row = await db.integration.findUnique({ where: { id: input.integrationId } });
  const refused = new ServiceError("not_found", "Unknown webhook.");
  if (!row || row.status === "disconnected") throw refused;
  const provider = providerOf(row.provider);
  const secret = openWebhookSecret(row);
  if (!secret || !provider.verifyWebhook || !provider.parseWebhook) throw refused;
  const req = { headers: input.headers, rawBody: input.rawBody, secret };
  if (!provider.verifyWebhook(req)) throw new ServiceError("forbidden", "The webhook signature does not match.");
  let event;
  try {
    event = provider.parseWebhook(req);
  } catch (err) {
    if (err instanceof ProviderError) throw new ServiceError("invalid_params", err.message);
    throw err;
  }
  // Replay protection: the delivery id is stored once; a second delivery with it changes nothing.
  const inserted = await db.integrationDelivery.createMany({ data: [{ integrationId: row.id, deliveryId: event.deliveryId.slice(0, 200) }], skipDuplicates: true });
  if (inserted.count === 0) return { status: "duplicate" };
  if (event.kind !== "issue" || !event.issue) return { status: "ignored", reason: "not an issue event" };
  const target = (row.config as { repository?: string; project?: string } | null)?.repository ?? (row.config as { project?: string } | null)?.project;
  if (event.target && target && event.target.toLowerCase() !== target.toLowerCase()) return { status: "ignored", reason: "another repository or project" };
  return { status: "applied", result: await applyUpstreamIssue({ integrationId: row.id, issue: event.issue }) };
}
