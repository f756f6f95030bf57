import { scanFixContract } from "@/lib/api/contract/scans";
import { defineRoute } from "@/lib/http/define-route";
import { getScanFixFile } from "@/lib/services/scans/get-scan-fix-file";

export const GET = defineRoute(scanFixContract, async ({ actor, params }) => {
  const file = await getScanFixFile({ orgId: actor.orgId, scanId: params.id });
  return new Response(file.markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      // The body quotes the scanned site; never let a browser sniff it into HTML.
      "X-Content-Type-Options": "nosniff",
    },
  });
});
