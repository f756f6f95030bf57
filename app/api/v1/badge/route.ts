import { defineRoute } from "@/lib/http/define-route";
import { badgeContract } from "@/lib/api/contract/public";
import { getBadgeState } from "@/lib/services/badge/get-badge-state";
import { renderBadge } from "@/lib/services/badge/render-badge";

export const GET = defineRoute(badgeContract, async ({ query }) => {
  const svg = renderBadge(await getBadgeState(query.id));
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
      // Opened directly, the SVG is a document: it may not run or load anything.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
});
