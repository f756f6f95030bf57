export type SignUpField = "name" | "email" | "password" | "orgName";

/** What the sign-up server action answers; `values` refills the form (React resets it after an action). */
export type SignUpState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: Partial<Record<SignUpField, string>>; values: Partial<Record<SignUpField, string>> }
  | { status: "created"; orgSlug: string }
  | { status: "error"; message: string };
