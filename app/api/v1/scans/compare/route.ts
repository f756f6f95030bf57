import { compareScansContract } from "@/lib/api/contract/scans";
import { serializeScanComparison } from "@/lib/api/serializers/scan";
import { defineRoute } from "@/lib/http/define-route";
import { compareScans } from "@/lib/services/scans/compare-scans";

export const GET = defineRoute(compareScansContract, async ({ actor, query }) =>
  serializeScanComparison(await compareScans({ orgId: actor.orgId, scanA: query.a, scanB: query.b })),
);
