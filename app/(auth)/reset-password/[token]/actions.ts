"use server";

import { isServiceError } from "@/lib/services/errors";
import { resetPassword } from "@/lib/services/users/reset-password";
import type { ResetPasswordState } from "@/components/auth/reset-password-form";

export async function resetPasswordAction(token: string, _prev: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const raw = formData.get("password");
  const password = typeof raw === "string" ? raw : "";
  try {
    const result = await resetPassword({ token: String(token), password });
    if (result.status === "reset") return { status: "done", email: result.email };
    return { status: "unusable", message: result.status === "expired" ? "This link has expired." : "This link is not valid any more." };
  } catch (err) {
    if (isServiceError(err) && err.code === "invalid_params") return { status: "invalid", message: err.message };
    throw err;
  }
}
