import { scanComplianceContract } from "@/lib/api/contract/compliance";
import { serializeScanCompliance } from "@/lib/api/serializers/compliance";
import { defineRoute } from "@/lib/http/define-route";
import { getScanCompliance } from "@/lib/services/compliance/get-scan-compliance";

export const GET = defineRoute(scanComplianceContract, async ({ actor, params, query }) =>
  serializeScanCompliance(await getScanCompliance({ orgId: actor.orgId, scanId: params.id, framework: query.framework })),
);
