"use server";

import { createUserWithOrg, createUserWithOrgInput } from "@/lib/services/users/create-user-with-org";
import { isServiceError } from "@/lib/services/errors";
import { acceptPendingInvitations } from "@/lib/services/members/accept-pending-invitations";
import type { SignUpState } from "@/components/auth/sign-up-state";

type Field = "name" | "email" | "password" | "orgName";
const FIELDS: readonly Field[] = ["name", "email", "password", "orgName"];

function text(formData: FormData, key: Field): string {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
}

/**
 * Creates the account, its organization and the owner membership. Signing in happens next, in the browser,
 * through next-auth's Credentials provider (the one place that issues sessions).
 */
export async function signUpAction(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  const values = { name: text(formData, "name"), email: text(formData, "email"), orgName: text(formData, "orgName") };
  const parsed = createUserWithOrgInput.safeParse({ ...values, password: text(formData, "password") });
  if (!parsed.success) {
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key === "string" && (FIELDS as readonly string[]).includes(key)) fieldErrors[key as Field] ??= issue.message;
    }
    return { status: "invalid", fieldErrors, values };
  }
  try {
    const { user, organization } = await createUserWithOrg(parsed.data);
    // Invitations to this address turn into memberships now that its owner has an account.
    await acceptPendingInvitations({ userId: user.id, email: user.email });
    return { status: "created", orgSlug: organization.slug };
  } catch (err) {
    if (isServiceError(err) && err.code === "conflict") {
      return {
        status: "invalid",
        fieldErrors: { email: "An account with this email already exists. Sign in instead." },
        values,
      };
    }
    throw err;
  }
}
