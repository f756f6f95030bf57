import { defineRoute } from "@/lib/http/define-route";
import { getScanSettingsContract, updateScanSettingsContract } from "@/lib/api/contract/scan-settings";
import { serializeScanSettings } from "@/lib/api/serializers/scan-settings";
import { getScanSettings } from "@/lib/services/scan-settings/get-scan-settings";
import { updateCrawlSettings } from "@/lib/services/scan-settings/update-crawl-settings";

export const GET = defineRoute(getScanSettingsContract, async ({ actor, params }) =>
  serializeScanSettings(await getScanSettings({ orgId: actor.orgId, domainId: params.id })),
);

export const PUT = defineRoute(updateScanSettingsContract, async ({ actor, params, body }) =>
  serializeScanSettings(
    await updateCrawlSettings({
      actor,
      domainId: params.id,
      settings: { respectRobots: body.respect_robots, include: body.include, exclude: body.exclude, maxDepth: body.max_depth, devices: body.devices, consent: body.consent },
    }),
  ),
);
