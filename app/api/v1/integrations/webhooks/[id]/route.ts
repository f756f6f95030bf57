import { defineRoute } from "@/lib/http/define-route";
import { integrationWebhookContract } from "@/lib/api/contract/integrations";
import { PayloadTooLargeError } from "@/lib/http/errors";
import { API_MAX_BODY_BYTES } from "@/lib/http/body-limit";
import { receiveIntegrationWebhook } from "@/lib/services/integrations/receive-integration-webhook";

/** The exact bytes received (signatures cover them), at most API_MAX_BODY_BYTES. */
async function rawBody(req: Request): Promise<string> {
  if (Number(req.headers.get("content-length")) > API_MAX_BODY_BYTES) throw new PayloadTooLargeError(API_MAX_BODY_BYTES);
  const buf = Buffer.from(await req.arrayBuffer());
  if (buf.length > API_MAX_BODY_BYTES) throw new PayloadTooLargeError(API_MAX_BODY_BYTES);
  return buf.toString("utf8");
}

export const POST = defineRoute(integrationWebhookContract, async ({ req, params }) => {
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => {
    headers[k.toLowerCase()] = v;
  });
  const outcome = await receiveIntegrationWebhook({ integrationId: params.id, headers, rawBody: await rawBody(req) });
  return { status: outcome.status };
});
