import { defineRoute } from "@/lib/http/define-route";
import { createAlertChannelContract, listAlertChannelsContract } from "@/lib/api/contract/alert-channels";
import { serializeAlertChannel } from "@/lib/api/serializers/alert-channel";
import { createAlertChannel } from "@/lib/services/alerts/create-alert-channel";
import { listAlertChannels } from "@/lib/services/alerts/list-alert-channels";

export const GET = defineRoute(listAlertChannelsContract, async ({ actor }) => ({
  items: (await listAlertChannels({ orgId: actor.orgId })).map(serializeAlertChannel),
  nextCursor: null,
}));

export const POST = defineRoute(createAlertChannelContract, async ({ actor, body }) => {
  const { channel, secret } = await createAlertChannel(actor, {
    name: body.name,
    kind: body.kind,
    url: body.kind === "email" ? undefined : body.url,
    email: body.kind === "email" ? body.email : undefined,
    triggers: body.triggers,
    domainIds: body.domain_ids,
    minSeverity: body.min_severity,
    tlsExpiryDays: body.tls_expiry_days,
    enabled: body.enabled,
  });
  return { ...serializeAlertChannel(channel), secret };
});
