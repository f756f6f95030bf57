import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { appUrl } from "../mail/app-url";
import { dispatchMail } from "../mail/dispatch-mail";
import { queueMail } from "../mail/queue-mail";
import { passwordResetMail } from "../mail/templates";
import { issueUserToken } from "./issue-user-token";
import { limitAttempts } from "./limit-attempts";
import { PASSWORD_RESET_TTL_MS } from "./token-ttl";

const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** The same answer whether or not an account has this address (and for a malformed one). */
export type RequestPasswordResetResult = { status: "check_email" };

/**
 * "Forgot password?": mails a single-use link valid for one hour to the address when an account has it.
 * Nothing in the answer says whether one does. Limited per address and per client address; over the limit
 * nothing is sent, and the answer is still the same.
 */
export async function requestPasswordReset(input: { email: string; clientIp: string }, prisma?: Prisma): Promise<RequestPasswordResetResult> {
  const db = prisma ?? (await getPrisma());
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) return { status: "check_email" };
  const email = parsed.data;
  if ((await limitAttempts(db, `reset:ip:${input.clientIp}`, 20, 60 * 60)) !== null) return { status: "check_email" };
  if ((await limitAttempts(db, `reset:email:${email}`, 5, 60 * 60)) !== null) return { status: "check_email" };

  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return { status: "check_email" };
  const mailId = await db.$transaction(async (tx) => {
    const token = await issueUserToken(tx, { userId: user.id, email, purpose: "password_reset", ttlMs: PASSWORD_RESET_TTL_MS });
    const content = passwordResetMail({ link: appUrl(`/reset-password/${token}`), expiresMinutes: PASSWORD_RESET_TTL_MS / 60_000 });
    return (await queueMail({ tx, kind: "personal", template: "password-reset", to: email, ...content })).id;
  });
  await dispatchMail({ mailIds: [mailId], deferToSweeper: prisma !== undefined });
  return { status: "check_email" };
}
