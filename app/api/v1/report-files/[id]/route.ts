import { reportFileContract } from "@/lib/api/contract/report-schedules";
import { defineRoute } from "@/lib/http/define-route";
import { getLinkedReportFile } from "@/lib/services/report-schedules/get-linked-report-file";

export const GET = defineRoute(reportFileContract, async ({ params, query }) => {
  const file = await getLinkedReportFile({ exportId: params.id, expires: query.expires, signature: query.signature });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  });
});
