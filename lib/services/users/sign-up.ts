import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { ServiceError } from "../errors";
import { isUniqueViolation } from "../prisma-errors";
import { uniqueOrgSlug } from "../organizations/unique-org-slug";
import { appUrl } from "../mail/app-url";
import { dispatchMail } from "../mail/dispatch-mail";
import { queueMail } from "../mail/queue-mail";
import { signUpAttemptMail } from "../mail/templates";
import { limitAttempts } from "./limit-attempts";
import { passwordSchema } from "./password-policy";
import { queueVerificationMail } from "./queue-verification-mail";

export const signUpInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address." })).pipe(z.string().max(254, "That address is too long.")),
  password: passwordSchema,
  name: z.string().trim().max(100, "That name is too long.").optional(),
  // Absent when signing up from an invitation: the account then joins the inviting organization instead.
  orgName: z.string().trim().min(1, "Organization name is required.").max(100, "Organization name is too long.").optional(),
});
export type SignUpInput = z.input<typeof signUpInput>;

/** Deliberately the same whether or not the address already had an account. */
export type SignUpResult = { status: "check_email"; email: string } | { status: "rate_limited"; retryAfterSeconds: number };

const WINDOW_SECONDS = 60 * 60;

/**
 * Sign-up that does not reveal which addresses have accounts: a new address gets an account (unverified, with
 * its organization when `orgName` is given) and a verification link; an address that already has one gets an
 * e-mail telling its owner someone tried. Both answer { status: "check_email" }, after the same password
 * hashing work. Valid attempts are limited per client address (PLUMB_SIGN_UP_LIMIT_PER_HOUR).
 * Invalid input throws ServiceError("invalid_params") with the zod issues.
 */
export async function signUp(input: SignUpInput & { clientIp: string }, prisma?: Prisma): Promise<SignUpResult> {
  const parsed = signUpInput.safeParse({ email: input.email, password: input.password, name: input.name || undefined, orgName: input.orgName });
  if (!parsed.success) {
    throw new ServiceError("invalid_params", parsed.error.issues.map((i) => i.message).join(" "), { issues: parsed.error.issues });
  }
  const { email, password, name, orgName } = parsed.data;
  // Counted once the form is valid: a typo costs nothing, every account (or e-mail) attempt does.
  const db = prisma ?? (await getPrisma());
  const wait = await limitAttempts(db, `sign-up:ip:${input.clientIp}`, env().PLUMB_SIGN_UP_LIMIT_PER_HOUR, WINDOW_SECONDS);
  if (wait !== null) return { status: "rate_limited", retryAfterSeconds: wait };
  // Hashed in both cases (and outside any transaction: on PGlite everything else waits while one is open).
  const passwordHash = await hashPassword(password);

  let mailId: string;
  for (let attempt = 1; ; attempt++) {
    try {
      mailId = await db.$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
        if (existing) {
          const content = signUpAttemptMail({ signInLink: appUrl("/sign-in"), resetLink: appUrl("/forgot-password") });
          return (await queueMail({ tx, kind: "personal", template: "sign-up-attempt", to: email, ...content })).id;
        }
        const user = await tx.user.create({ data: { email, passwordHash, name: name || null } });
        if (orgName) {
          const organization = await tx.organization.create({ data: { name: orgName, slug: await uniqueOrgSlug(tx, orgName) } });
          await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "owner", status: "active" } });
        }
        return queueVerificationMail(tx, { userId: user.id, email });
      });
      break;
    } catch (err) {
      // A concurrent sign-up with the same address won: this one is now "an existing account".
      if (isUniqueViolation(err, "email") && attempt < 3) continue;
      if (isUniqueViolation(err, "slug") && attempt < 5) continue;
      throw err;
    }
  }
  await dispatchMail({ mailIds: [mailId], deferToSweeper: prisma !== undefined });
  return { status: "check_email", email };
}
