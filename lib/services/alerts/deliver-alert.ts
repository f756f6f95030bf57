import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";
import { fetchCustomerUrl } from "@/lib/net/outbound";
import { SsrfError } from "@/lib/net/ssrf";
import { flushOutbox } from "@/lib/jobs/outbox";
import { queueMail } from "../mail/queue-mail";
import { alertLines, alertSubject, slackMessage, type AlertPayload } from "./alert-message";
import { signWebhook, SIGNATURE_HEADER } from "./sign-webhook";

/** Tries per delivery: the first and four retries with the job engine's exponential backoff. */
export const MAX_ALERT_ATTEMPTS = 5;
const TIMEOUT_MS = 10_000;

export class AlertDeliveryError extends Error {
  constructor(
    message: string,
    /** no retry will help (SSRF refusal, last attempt) */
    readonly final: boolean,
  ) {
    super(message);
    this.name = "AlertDeliveryError";
  }
}

interface Attempt {
  at: string;
  status: number | null;
  latency_ms: number;
  error: string | null;
}

export type DeliverAlertResult = { status: "delivered" | "skipped"; responseCode: number | null; latencyMs: number | null };

/**
 * Sends one AlertDelivery: a signed JSON POST (webhook), a Block Kit POST (Slack) or an e-mail (queued
 * through the mail service: SMTP, or the organization's mail page without it). Every try is logged on the row.
 * A non-2xx answer or a network error throws AlertDeliveryError so the job engine retries with backoff;
 * redirects are answers (not followed). Already delivered → skipped, so a repeated job sends nothing.
 */
export async function deliverAlert(input: { deliveryId: string; now?: () => Date }, prisma?: Prisma): Promise<DeliverAlertResult> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? (() => new Date());
  const delivery = await db.alertDelivery.findUnique({ where: { id: input.deliveryId }, include: { channel: true } });
  if (!delivery || delivery.status !== "pending") return { status: "skipped", responseCode: delivery?.responseCode ?? null, latencyMs: delivery?.latencyMs ?? null };
  const channel = delivery.channel;
  const payload = delivery.payload as unknown as AlertPayload;
  const attemptNo = delivery.attempts + 1;
  const started = Date.now();
  const at = now();
  let status: number | null = null;
  let error: string | null = null;
  let final = false;

  if (channel.kind === "email") {
    if (!channel.email) {
      error = "The channel has no address.";
      final = true;
    } else {
      await db.$transaction(async (tx) => {
        await queueMail({ tx, kind: "organization", organizationId: channel.organizationId, template: "alert", to: channel.email as string, subject: alertSubject(payload), text: `${alertLines(payload).join("\n")}\n` });
      });
      await flushOutbox();
    }
  } else {
    const url = channel.urlEncrypted ? decryptSecret(channel.urlEncrypted) : null;
    if (!url) {
      error = "The channel has no URL.";
      final = true;
    } else {
      const body = JSON.stringify(channel.kind === "slack" ? slackMessage(payload) : payload);
      const headers: Record<string, string> = { "content-type": "application/json", "plumb-event": payload.type, "plumb-delivery": delivery.id };
      if (channel.kind === "webhook" && channel.secretEncrypted) headers[SIGNATURE_HEADER.toLowerCase()] = signWebhook(decryptSecret(channel.secretEncrypted), body, at);
      try {
        const res = await fetchCustomerUrl(url, { method: "POST", headers, body, maxRedirects: 0, timeoutMs: TIMEOUT_MS, maxBytes: 16_384 });
        status = res.status;
        if (status < 200 || status >= 300) error = `The endpoint answered ${status}.`;
      } catch (err) {
        error = err instanceof Error ? err.message.slice(0, 500) : String(err);
        if (err instanceof SsrfError) final = true;
      }
    }
  }
  const latencyMs = Date.now() - started;
  const ok = error === null;
  const exhausted = !ok && (final || attemptNo >= MAX_ALERT_ATTEMPTS);
  const log = [...((delivery.attemptLog as unknown as Attempt[]) ?? []), { at: at.toISOString(), status, latency_ms: latencyMs, error }].slice(-20);
  await db.alertDelivery.update({
    where: { id: delivery.id },
    data: {
      attempts: attemptNo,
      responseCode: status,
      latencyMs,
      lastError: error,
      attemptLog: log as unknown as PrismaNS.InputJsonValue,
      status: ok ? "delivered" : exhausted ? "failed" : "pending",
      deliveredAt: ok ? at : null,
    },
  });
  if (!ok) throw new AlertDeliveryError(`Alert ${delivery.id} to channel ${channel.id}, attempt ${attemptNo}: ${error}`, exhausted);
  return { status: "delivered", responseCode: status, latencyMs };
}
