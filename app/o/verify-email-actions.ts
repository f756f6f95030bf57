"use server";

import { requireUser } from "@/lib/auth/session";
import { resendVerification } from "@/lib/services/users/resend-verification";

export async function resendVerificationAction(): Promise<{ ok: boolean; message: string }> {
  const user = await requireUser();
  const r = await resendVerification({ userId: user.id });
  if (r.status === "sent") return { ok: true, message: `We sent a new link to ${user.email}. Earlier links no longer work.` };
  if (r.status === "already_verified") return { ok: true, message: "Your address is already confirmed." };
  return { ok: false, message: `You asked for several links already. Try again in ${Math.ceil(r.retryAfterSeconds / 60)} minutes.` };
}
