import { defineRoute } from "@/lib/http/define-route";
import { badgeContract } from "@/lib/api/contract/public";
import { env } from "@/lib/env";
import { requestOrigin } from "@/lib/http/request-origin";
import { getBadge } from "@/lib/services/badge/get-badge";

// Image proxies (GitHub's camo) revalidate often from few addresses: short max-age, long stale-while-revalidate.
const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600";

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

// No rate limit (the contract names none): the answer comes from memory, see lib/services/badge/get-badge.ts.
export const GET = defineRoute(badgeContract, async ({ req, query }) => {
  const configured = env().NEXTAUTH_URL;
  const origin = configured ? new URL(configured).origin : requestOrigin(req);
  const badge = await getBadge({ domainId: query.id, style: query.style, pillar: query.pillar, origin });
  const headers: Record<string, string> = {
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Cache-Control": CACHE_CONTROL,
    ETag: badge.etag,
    "X-Content-Type-Options": "nosniff",
    // Opened directly, the SVG is a document: it may not run or load anything.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
  };
  if (etagMatches(req.headers.get("if-none-match"), badge.etag)) return new Response(null, { status: 304, headers });
  return new Response(badge.svg, { status: badge.status, headers });
});
