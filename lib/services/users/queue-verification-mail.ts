import type { PrismaNS } from "@/lib/db";
import { appUrl } from "../mail/app-url";
import { queueMail } from "../mail/queue-mail";
import { emailVerificationMail } from "../mail/templates";
import { issueUserToken } from "./issue-user-token";
import { EMAIL_VERIFICATION_TTL_MS } from "./token-ttl";

/** A new verification link for the user's address, queued as personal mail in the caller's transaction. */
export async function queueVerificationMail(tx: PrismaNS.TransactionClient, input: { userId: string; email: string }): Promise<string> {
  const token = await issueUserToken(tx, { ...input, purpose: "email_verification", ttlMs: EMAIL_VERIFICATION_TTL_MS });
  const content = emailVerificationMail({ link: appUrl(`/verify-email/${token}`), expiresHours: EMAIL_VERIFICATION_TTL_MS / 3_600_000 });
  const { id } = await queueMail({ tx, kind: "personal", template: "email-verification", to: input.email, ...content });
  return id;
}
