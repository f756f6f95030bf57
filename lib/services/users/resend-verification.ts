import { getPrisma, type Prisma } from "@/lib/db";
import { dispatchMail } from "../mail/dispatch-mail";
import { limitAttempts } from "./limit-attempts";
import { queueVerificationMail } from "./queue-verification-mail";

export type ResendVerificationResult = { status: "sent" } | { status: "already_verified" } | { status: "rate_limited"; retryAfterSeconds: number };

/** A new verification link for the signed-in user's address (the previous one stops working); 5 per hour. */
export async function resendVerification(input: { userId: string }, prisma?: Prisma): Promise<ResendVerificationResult> {
  const db = prisma ?? (await getPrisma());
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { email: true, emailVerified: true } });
  if (!user) return { status: "already_verified" };
  if (user.emailVerified) return { status: "already_verified" };
  const wait = await limitAttempts(db, `verify-resend:user:${input.userId}`, 5, 60 * 60);
  if (wait !== null) return { status: "rate_limited", retryAfterSeconds: wait };
  const mailId = await db.$transaction((tx) => queueVerificationMail(tx, { userId: input.userId, email: user.email }));
  await dispatchMail({ mailIds: [mailId], deferToSweeper: prisma !== undefined });
  return { status: "sent" };
}
