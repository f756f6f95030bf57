import { defineRoute } from "@/lib/http/define-route";
import { rollAlertChannelSecretContract } from "@/lib/api/contract/alert-channels";
import { serializeAlertChannel } from "@/lib/api/serializers/alert-channel";
import { rollAlertChannelSecret } from "@/lib/services/alerts/roll-alert-channel-secret";

export const POST = defineRoute(rollAlertChannelSecretContract, async ({ actor, params }) => {
  const { channel, secret } = await rollAlertChannelSecret(actor, { channelId: params.id });
  return { ...serializeAlertChannel(channel), secret };
});
