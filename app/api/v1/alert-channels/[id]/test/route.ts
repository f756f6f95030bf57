import { defineRoute } from "@/lib/http/define-route";
import { testAlertChannelContract } from "@/lib/api/contract/alert-channels";
import { serializeAlertDelivery } from "@/lib/api/serializers/alert-channel";
import { sendTestAlert } from "@/lib/services/alerts/send-test-alert";

export const POST = defineRoute(testAlertChannelContract, async ({ actor, params }) => serializeAlertDelivery(await sendTestAlert(actor, { channelId: params.id })));
