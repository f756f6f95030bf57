import { defineRoute } from "@/lib/http/define-route";
import { deleteAlertChannelContract, updateAlertChannelContract } from "@/lib/api/contract/alert-channels";
import { serializeAlertChannel } from "@/lib/api/serializers/alert-channel";
import { deleteAlertChannel } from "@/lib/services/alerts/delete-alert-channel";
import { updateAlertChannel } from "@/lib/services/alerts/update-alert-channel";

export const PATCH = defineRoute(updateAlertChannelContract, async ({ actor, params, body }) =>
  serializeAlertChannel(
    await updateAlertChannel(actor, {
      channelId: params.id,
      patch: {
        name: body.name,
        url: body.url,
        email: body.email,
        triggers: body.triggers,
        domainIds: body.domain_ids,
        minSeverity: body.min_severity,
        tlsExpiryDays: body.tls_expiry_days,
        enabled: body.enabled,
      },
    }),
  ),
);

export const DELETE = defineRoute(deleteAlertChannelContract, async ({ actor, params }) => ({ ...(await deleteAlertChannel(actor, { channelId: params.id })), deleted: true as const }));
