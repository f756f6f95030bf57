import { analyzeScanContract } from "@/lib/api/contract/analysis";
import { serializeScanAnalysis } from "@/lib/api/serializers/analysis";
import { defineRoute } from "@/lib/http/define-route";
import { analyzeScan } from "@/lib/services/analysis/analyze-scan";

// The model call can take a while; give the handler the time the SDK's retries need.
export const maxDuration = 300;

export const POST = defineRoute(analyzeScanContract, async ({ actor, params }) => serializeScanAnalysis(await analyzeScan(actor, { scanId: params.id })));
