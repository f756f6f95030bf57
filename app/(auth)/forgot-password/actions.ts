"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/http/client-ip";
import { requestPasswordReset } from "@/lib/services/users/request-password-reset";
import type { ForgotPasswordState } from "@/components/auth/forgot-password-form";

/** Always the same answer, whether or not an account has the address. */
export async function forgotPasswordAction(_prev: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const raw = formData.get("email");
  const email = typeof raw === "string" ? raw.slice(0, 320) : "";
  if (!email.trim()) return { status: "invalid", message: "Enter the e-mail address of your account." };
  const ip = clientIp(new Request("http://plumb.internal/", { headers: await headers() }));
  await requestPasswordReset({ email, clientIp: ip });
  return { status: "sent", email: email.trim() };
}
