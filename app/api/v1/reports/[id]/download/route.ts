import { downloadReportContract } from "@/lib/api/contract/reports";
import { defineRoute } from "@/lib/http/define-route";
import { getReportDownload } from "@/lib/services/reports/get-report-download";

export const GET = defineRoute(downloadReportContract, async ({ actor, params, query }) => {
  const file = await getReportDownload({ orgId: actor.orgId, reportId: params.id, exportId: query.export_id, format: query.format });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "Cache-Control": "private, no-store",
      // Exports quote the scanned site; never let a browser sniff one into HTML.
      "X-Content-Type-Options": "nosniff",
    },
  });
});
