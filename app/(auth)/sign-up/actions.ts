"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/http/client-ip";
import { signUp } from "@/lib/services/users/sign-up";
import { isServiceError } from "@/lib/services/errors";
import type { SignUpField, SignUpState } from "@/components/auth/sign-up-state";

const FIELDS: readonly SignUpField[] = ["name", "email", "password", "orgName"];

function text(formData: FormData, key: string): string {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
}

/**
 * Sign-up: the same answer ("check your e-mail") for a new address and for one that has an account, so the
 * form reveals nobody's account. Signing in is a separate step (next-auth's Credentials provider issues sessions).
 * From an invitation (`invite` set) no organization is created: the account joins the inviting one.
 */
export async function signUpAction(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  const fromInvite = text(formData, "invite") === "1";
  const values = { name: text(formData, "name"), email: text(formData, "email"), orgName: text(formData, "orgName") };
  const ip = clientIp(new Request("http://plumb.internal/", { headers: await headers() }));
  try {
    const result = await signUp({
      email: values.email,
      password: text(formData, "password"),
      name: values.name,
      // An empty organization name is "missing" (required outside the invitation flow).
      orgName: fromInvite ? undefined : values.orgName.trim() ? values.orgName : "",
      clientIp: ip,
    });
    if (result.status === "rate_limited") {
      return { status: "error", message: `Too many sign-ups from your network. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.` };
    }
    return { status: "check-email", email: result.email };
  } catch (err) {
    if (isServiceError(err) && err.code === "invalid_params") {
      const fieldErrors: Partial<Record<SignUpField, string>> = {};
      const issues = (err.details?.issues ?? []) as { path: PropertyKey[]; message: string }[];
      for (const issue of issues) {
        const key = issue.path[0];
        if (typeof key === "string" && (FIELDS as readonly string[]).includes(key)) fieldErrors[key as SignUpField] ??= issue.message;
      }
      return { status: "invalid", fieldErrors, values };
    }
    throw err;
  }
}
