import { resolveMembership } from "@/lib/auth/session";
import { isServiceError } from "@/lib/services/errors";
import { getScanFixFile } from "@/lib/services/scans/get-scan-fix-file";

// The dashboard's SECURITY-FIX.md link. Same service as GET /api/v1/scans/{id}/fix, but the organization comes
// from the URL: a plain link cannot send the X-Plumb-Org header a multi-organization session needs there.
export async function GET(_req: Request, ctx: RouteContext<"/o/[orgSlug]/scans/[scanId]/fix">): Promise<Response> {
  const { orgSlug, scanId } = await ctx.params;
  const m = await resolveMembership(orgSlug);
  if (m.status === "unauthenticated") return new Response("Sign in to download this file.", { status: 401 });
  if (m.status !== "ok") return new Response("Not found.", { status: 404 });
  try {
    const { filename, markdown } = await getScanFixFile({ orgId: m.organization.id, scanId });
    return new Response(markdown, {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    if (isServiceError(err) && err.code === "not_found") return new Response("Not found.", { status: 404 });
    throw err;
  }
}
