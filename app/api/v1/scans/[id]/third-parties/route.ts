import { scanThirdPartiesContract } from "@/lib/api/contract/third-parties";
import { serializeScanThirdParties } from "@/lib/api/serializers/third-party";
import { defineRoute } from "@/lib/http/define-route";
import { listScanThirdParties } from "@/lib/services/third-parties/list-scan-third-parties";

export const GET = defineRoute(scanThirdPartiesContract, async ({ actor, params, query }) =>
  serializeScanThirdParties(
    await listScanThirdParties({ orgId: actor.orgId, scanId: params.id, sort: query.sort, order: query.order, probableOnly: query.probable_only === "true" }),
  ),
);
