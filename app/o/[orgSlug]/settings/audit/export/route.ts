import { resolveMembership } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { auditEventFiltersQuery } from "@/lib/api/contract/audit-events";
import { auditFiltersFromQuery } from "@/lib/api/serializers/audit-event";
import { exportAuditEventsCsv } from "@/lib/services/audit/export-audit-events-csv";
import { roleAllows } from "../../../access";

// "Export CSV" on Settings → Audit log: the same filters and rule (audit:read) as GET /api/v1/audit-events/export,
// for the dashboard session of this organization (a link cannot send X-Plumb-Org).
export async function GET(req: Request, ctx: { params: Promise<{ orgSlug: string }> }): Promise<Response> {
  const { orgSlug } = await ctx.params;
  const m = await resolveMembership(orgSlug);
  if (m.status === "unauthenticated") return new Response("Sign in to download this file.", { status: 401 });
  if (m.status !== "ok" || !roleAllows(m.membership.role, "audit:read")) return new Response("Not found.", { status: 404 });
  const url = new URL(req.url);
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ""));
  const parsed = auditEventFiltersQuery.safeParse(raw);
  if (!parsed.success) return new Response(`Invalid filters: ${parsed.error.issues[0].message}`, { status: 422 });
  const stream = await exportAuditEventsCsv(
    { orgId: m.organization.id, userId: m.user.id, apiKeyId: null, requestId: null, ip: clientIp(req) },
    { filters: auditFiltersFromQuery(parsed.data) },
  );
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="plumb-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
