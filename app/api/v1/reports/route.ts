import { createReportContract, listReportsContract } from "@/lib/api/contract/reports";
import { serializeReport } from "@/lib/api/serializers/report";
import { defineRoute } from "@/lib/http/define-route";
import { createReport } from "@/lib/services/reports/create-report";
import { listReports } from "@/lib/services/reports/list-reports";

export const POST = defineRoute(createReportContract, async ({ actor, body }) => {
  const b = body.branding;
  const report = await createReport(actor, {
    scanId: body.scan_id,
    domainId: body.domain_id,
    domainIds: body.domain_ids,
    format: body.format,
    title: body.title,
    sections: body.sections,
    branding: b ? { name: b.name, logoUrl: b.logo_url, accent: b.accent, footer: b.footer, showPoweredBy: b.show_powered_by } : null,
  });
  return serializeReport(report);
});

export const GET = defineRoute(listReportsContract, async ({ actor, query }) => {
  const page = await listReports({ orgId: actor.orgId, limit: query.limit, cursor: query.cursor, domainId: query.domain_id });
  return { items: page.items.map((r) => serializeReport(r)), nextCursor: page.nextCursor };
});
