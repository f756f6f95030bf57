import { cancelScanContract } from "@/lib/api/contract/scans";
import { serializeScan } from "@/lib/api/serializers/scan";
import { defineRoute } from "@/lib/http/define-route";
import { cancelScan } from "@/lib/services/scans/cancel-scan";

export const POST = defineRoute(cancelScanContract, async ({ actor, params }) =>
  serializeScan((await cancelScan(actor, { scanId: params.id })).scan),
);
