import { getScanContract } from "@/lib/api/contract/scans";
import { serializeScanDetail } from "@/lib/api/serializers/scan";
import { defineRoute } from "@/lib/http/define-route";
import { getScan } from "@/lib/services/scans/get-scan";

export const GET = defineRoute(getScanContract, async ({ actor, params }) =>
  serializeScanDetail(await getScan({ orgId: actor.orgId, scanId: params.id })),
);
