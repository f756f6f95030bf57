import { getReportContract } from "@/lib/api/contract/reports";
import { serializeReport } from "@/lib/api/serializers/report";
import { defineRoute } from "@/lib/http/define-route";
import { getReport } from "@/lib/services/reports/get-report";

export const GET = defineRoute(getReportContract, async ({ actor, params }) => serializeReport(await getReport({ orgId: actor.orgId, reportId: params.id })));
