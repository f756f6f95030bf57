import { deleteReportScheduleContract, getReportScheduleContract, updateReportScheduleContract } from "@/lib/api/contract/report-schedules";
import { serializeReportSchedule } from "@/lib/api/serializers/report-schedule";
import { defineRoute } from "@/lib/http/define-route";
import { deleteReportSchedule } from "@/lib/services/report-schedules/delete-report-schedule";
import { getReportSchedule } from "@/lib/services/report-schedules/get-report-schedule";
import { updateReportSchedule } from "@/lib/services/report-schedules/update-report-schedule";

export const GET = defineRoute(getReportScheduleContract, async ({ actor, params }) => serializeReportSchedule(await getReportSchedule({ orgId: actor.orgId, scheduleId: params.id })));

export const PATCH = defineRoute(updateReportScheduleContract, async ({ actor, params, body }) => {
  const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  return serializeReportSchedule(await updateReportSchedule(actor, { scheduleId: params.id, patch }));
});

export const DELETE = defineRoute(deleteReportScheduleContract, async ({ actor, params }) => {
  await deleteReportSchedule(actor, { scheduleId: params.id });
  return { id: params.id, deleted: true as const };
});
