import { createReportScheduleContract, listReportSchedulesOfReportContract } from "@/lib/api/contract/report-schedules";
import { serializeReportSchedule } from "@/lib/api/serializers/report-schedule";
import { defineRoute } from "@/lib/http/define-route";
import { createReportSchedule } from "@/lib/services/report-schedules/create-report-schedule";
import { listReportSchedules } from "@/lib/services/report-schedules/list-report-schedules";

export const POST = defineRoute(createReportScheduleContract, async ({ actor, params, body }) =>
  serializeReportSchedule(await createReportSchedule(actor, { reportId: params.id, ...body })),
);

export const GET = defineRoute(listReportSchedulesOfReportContract, async ({ actor, params, query }) => {
  const page = await listReportSchedules({ orgId: actor.orgId, reportId: params.id, limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeReportSchedule), nextCursor: page.nextCursor };
});
