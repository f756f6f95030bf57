// GitLab webhooks carry no signature: the secret token configured on the hook comes back verbatim in
// `X-Gitlab-Token`, compared here in constant time. Replays: GitLab sends the same `Idempotency-Key` (GitLab
// 17.4+) or `X-Gitlab-Event-UUID` on every retry of one event, which the framework stores as the delivery id;
// an older state of an issue arriving late is ignored by its updated_at.
import { createHash, timingSafeEqual } from "node:crypto";
import { ProviderError, type WebhookEvent, type WebhookRequest } from "@/lib/integrations/provider";
import { gitlabDate, gitlabIssueHookSchema } from "./gitlab-schemas";

export function verifyGitlabWebhook(req: WebhookRequest): boolean {
  const given = req.headers["x-gitlab-token"];
  if (!given || !req.secret) return false;
  // Hashing both sides gives equal lengths, so the comparison leaks neither the token nor its length.
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(req.secret, "utf8").digest();
  return timingSafeEqual(a, b);
}

export function parseGitlabWebhook(req: WebhookRequest): WebhookEvent {
  const deliveryId = req.headers["idempotency-key"] || req.headers["x-gitlab-event-uuid"];
  if (!deliveryId || deliveryId.length > 200) throw new ProviderError("invalid_response", "Missing X-Gitlab-Event-UUID header.");
  const event = req.headers["x-gitlab-event"];
  if (event !== "Issue Hook" && event !== "Confidential Issue Hook") return { deliveryId, kind: "ignored" };
  let json: unknown;
  try {
    json = JSON.parse(req.rawBody);
  } catch {
    throw new ProviderError("invalid_response", "The GitLab webhook body is not JSON.");
  }
  const parsed = gitlabIssueHookSchema.safeParse(json);
  if (!parsed.success) return { deliveryId, kind: "ignored" };
  const a = parsed.data.object_attributes;
  const updatedAt = gitlabDate(a.updated_at);
  if (!updatedAt) throw new ProviderError("invalid_response", "The GitLab webhook's updated_at is not a date.");
  const url = a.url && /^https?:\/\//.test(a.url) ? a.url : "";
  return {
    deliveryId,
    kind: "issue",
    issue: { externalId: String(a.iid), url, state: a.state === "closed" ? "closed" : "open", updatedAt, title: a.title },
    target: parsed.data.project.path_with_namespace,
  };
}
