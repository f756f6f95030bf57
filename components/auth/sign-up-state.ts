export type SignUpField = "name" | "email" | "password" | "orgName";

/**
 * What the sign-up server action answers; `values` refills the form (React resets it after an action).
 * "check-email" is the same whether or not the address already had an account.
 */
export type SignUpState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: Partial<Record<SignUpField, string>>; values: Partial<Record<SignUpField, string>> }
  | { status: "check-email"; email: string }
  | { status: "error"; message: string };
