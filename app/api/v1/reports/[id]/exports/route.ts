import { createReportExportContract } from "@/lib/api/contract/reports";
import { serializeReport } from "@/lib/api/serializers/report";
import { defineRoute } from "@/lib/http/define-route";
import { requestReportExport } from "@/lib/services/reports/request-report-export";

export const POST = defineRoute(createReportExportContract, async ({ actor, params, body }) =>
  serializeReport(await requestReportExport(actor, { reportId: params.id, format: body.format })),
);
