import { listReportSchedulesContract } from "@/lib/api/contract/report-schedules";
import { serializeReportSchedule } from "@/lib/api/serializers/report-schedule";
import { defineRoute } from "@/lib/http/define-route";
import { listReportSchedules } from "@/lib/services/report-schedules/list-report-schedules";

export const GET = defineRoute(listReportSchedulesContract, async ({ actor, query }) => {
  const page = await listReportSchedules({ orgId: actor.orgId, reportId: query.report_id, limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeReportSchedule), nextCursor: page.nextCursor };
});
