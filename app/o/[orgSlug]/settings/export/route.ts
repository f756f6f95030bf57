import { clientIp } from "@/lib/http/client-ip";
import { resolveMembership } from "@/lib/auth/session";
import { isServiceError } from "@/lib/services/errors";
import { exportOrganizationData } from "@/lib/services/privacy/export-organization-data";
import { roleAllows } from "../../access";

// "Export organization data" in Settings → General: owners only; anybody else sees a missing page.
export async function GET(req: Request, ctx: { params: Promise<{ orgSlug: string }> }): Promise<Response> {
  const { orgSlug } = await ctx.params;
  const m = await resolveMembership(orgSlug);
  if (m.status === "unauthenticated") return new Response("Sign in to download this file.", { status: 401 });
  if (m.status !== "ok" || !roleAllows(m.membership.role, { role: "owner" })) return new Response("Not found.", { status: 404 });
  try {
    const data = await exportOrganizationData({ orgId: m.organization.id, userId: m.user.id, ip: clientIp(req) });
    const slug = m.organization.slug.replace(/[^A-Za-z0-9_-]/g, "_");
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="plumb-organization-${slug}-${data.exported_at.slice(0, 10)}.json"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    if (isServiceError(err) && err.code === "not_found") return new Response("Not found.", { status: 404 });
    throw err;
  }
}
