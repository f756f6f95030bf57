import { getSessionUser } from "@/lib/auth/session";
import { exportUserData } from "@/lib/services/privacy/export-user-data";

// "Download my data" on the Account security page: everything Plumb holds about the signed-in user, as JSON.
export async function GET(): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to download your data.", { status: 401 });
  const data = await exportUserData({ userId: user.id });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="plumb-account-${data.exported_at.slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
