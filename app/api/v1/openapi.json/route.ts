import { defineRoute } from "@/lib/http/define-route";
import { openApiContract } from "@/lib/api/contract/public";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiVersion } from "@/lib/api/health";
import { requestOrigin } from "@/lib/http/request-origin";

let cached: string | undefined;

export const GET = defineRoute(openApiContract, async ({ req }) => {
  // The document depends only on the code, so build it once per process; the server URL comes from the request.
  cached ??= JSON.stringify(buildOpenApiDocument({ version: apiVersion }));
  const origin = requestOrigin(req);
  const doc = { ...(JSON.parse(cached) as Record<string, unknown>), servers: [{ url: origin }] };
  return new Response(JSON.stringify(doc), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
});
