import { z } from "zod";
import list from "./data/common-passwords.json";

// One password policy for sign-up, password reset and `plumb admin create-user`: long enough, and not one
// of the passwords attackers try first (data/README.md says where the list comes from).
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;

/** Whether the password (compared case-insensitively) is on the shipped list of common passwords. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(list.passwords);
  return common.has(password.toLowerCase());
}

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, "Password is too long.")
  .refine((p) => !isCommonPassword(p), { message: "This password is too common. Choose one that is harder to guess." });

/** The policy's first complaint about a password, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const r = passwordSchema.safeParse(password);
  return r.success ? null : (r.error.issues[0]?.message ?? "Choose another password.");
}
