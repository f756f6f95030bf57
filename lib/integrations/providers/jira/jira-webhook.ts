// Jira webhooks registered with a secret (Jira Cloud admin webhooks and the REST-registered ones, Jira Data
// Center 10+) carry `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>`. The delivery id
// is `X-Atlassian-Webhook-Identifier` (the same on Jira's retries of one delivery, so replays are recognised);
// the issue's own `fields.updated` orders deliveries that arrive out of order. Connect-app JWTs are not used:
// Plumb is not an Atlassian Connect app (Connect is being retired).
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ProviderError, type WebhookEvent, type WebhookRequest } from "@/lib/integrations/provider";
import { jiraIssueToExternal } from "./jira-provider";

export function jiraSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

export function verifyJiraWebhook(req: WebhookRequest): boolean {
  const got = req.headers["x-hub-signature"];
  if (!got || !req.secret) return false;
  const want = Buffer.from(jiraSignature(req.secret, req.rawBody));
  const have = Buffer.from(got.trim());
  return have.length === want.length && timingSafeEqual(have, want);
}

const payloadSchema = z.object({
  timestamp: z.number().optional(),
  webhookEvent: z.string().max(200),
  issue: z
    .object({
      id: z.string().max(50),
      key: z.string().max(100),
      self: z.string().url().max(2000),
      fields: z.object({
        summary: z.string().max(2000).optional(),
        updated: z.string().max(100).optional(),
        status: z.object({ name: z.string().optional(), statusCategory: z.object({ key: z.string() }).optional() }).optional(),
      }),
    })
    .optional(),
});

export function parseJiraWebhook(req: WebhookRequest): WebhookEvent {
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    throw new ProviderError("invalid_response", "The Jira webhook body is not JSON.");
  }
  const parsed = payloadSchema.safeParse(body);
  if (!parsed.success) throw new ProviderError("invalid_response", "The Jira webhook body is not an event Plumb understands.");
  const p = parsed.data;
  const deliveryId = req.headers["x-atlassian-webhook-identifier"] || `${p.webhookEvent}:${p.issue?.id ?? ""}:${p.timestamp ?? ""}`;
  if (!p.issue || !p.webhookEvent.startsWith("jira:issue_")) return { deliveryId, kind: "ignored" };
  if (p.webhookEvent === "jira:issue_deleted") return { deliveryId, kind: "ignored" };
  const self = new URL(p.issue.self);
  const base = `${self.origin}${self.pathname.split("/rest/")[0]}`;
  return { deliveryId, kind: "issue", issue: jiraIssueToExternal(base, p.issue) };
}
