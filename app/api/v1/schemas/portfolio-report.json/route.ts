import { portfolioJsonSchemaContract } from "@/lib/api/contract/reports";
import { defineRoute } from "@/lib/http/define-route";
import { portfolioJsonSchema } from "@/lib/reports/portfolio-model";

let cached: string | undefined;

export const GET = defineRoute(portfolioJsonSchemaContract, async () => {
  cached ??= JSON.stringify(portfolioJsonSchema(), null, 2);
  return new Response(cached, {
    headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
});
