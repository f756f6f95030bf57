import { headers } from "next/headers";
import { clientIpFromHeaders } from "./client-ip";

/** The client address of the current server action or page request, for the audit log. */
export async function actionClientIp(): Promise<string | null> {
  try {
    const h = await headers();
    const ip = clientIpFromHeaders((name) => h.get(name));
    return ip === "unknown" ? null : ip;
  } catch {
    // outside a request (a script calling the action helpers)
    return null;
  }
}
