import { reportJsonSchemaContract } from "@/lib/api/contract/reports";
import { defineRoute } from "@/lib/http/define-route";
import { reportJsonSchema } from "@/lib/reports/model";

let cached: string | undefined;

export const GET = defineRoute(reportJsonSchemaContract, async () => {
  cached ??= JSON.stringify(reportJsonSchema(), null, 2);
  return new Response(cached, {
    headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
});
