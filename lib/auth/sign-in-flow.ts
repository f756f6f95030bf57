import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { getPrisma, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import {
  consumeAuthChallenge,
  createAuthChallenge,
  findAuthChallenge,
  recordChallengeFailure,
  setWebauthnChallenge,
} from "@/lib/services/two-factor/auth-challenge";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";
import { passkeyAuthenticationOptions } from "@/lib/services/two-factor/passkey-authentication-options";
import { verifyPasskeyAssertion } from "@/lib/services/two-factor/verify-passkey-assertion";
import { verifySecondFactor } from "@/lib/services/two-factor/verify-second-factor";
import { createSession } from "@/lib/services/sessions/create-session";
import { verifyCredentials, type AuthorizedUser } from "./credentials";
import { assertSecondFactorAllowed, recordSecondFactorFailure } from "./sign-in-limits";
import { SECOND_FACTOR_INVALID, SIGN_IN_EXPIRED, TWO_FACTOR_REQUIRED } from "./sign-in-limit-codes";

// Signing in, step by step. Nothing here issues a session until the last step has passed:
//   1. passwordStep: email + password (sign-in limits apply) -> a pending sign-in token (an AuthChallenge row,
//      five minutes, stored hashed) and which second factors the account has, if any;
//   2. completeSignIn (next-auth's Credentials provider): the pending token plus, when the account has a
//      second factor, an authenticator code, a recovery code or a passkey assertion. The token is consumed
//      atomically, so it starts at most one session; five wrong codes discard it.
// Passwordless: passkeyOptionsStep without a token makes a "passkey-sign-in" challenge that a passkey with user
// verification completes on its own. Plain email + password at the provider still works for accounts without
// a second factor (the sign-up form signs in that way) and is refused with TwoFactorRequired otherwise.

export class SignInError extends Error {
  constructor(code: string) {
    super(code);
    this.name = "SignInError";
  }
}

export interface SecondFactors {
  totp: boolean;
  passkey: boolean;
  recovery: boolean;
}

export interface PasswordStepResult {
  pendingToken: string;
  /** null: no second factor, the token alone completes the sign-in. */
  secondFactor: SecondFactors | null;
}

async function db(prisma?: Prisma): Promise<Prisma> {
  return prisma ?? (await getPrisma());
}

/** Step 1. null for a wrong email or password; throws SignInThrottledError over a sign-in limit. */
export async function passwordStep(input: { email: unknown; password: unknown; ip: string }, prisma?: Prisma): Promise<PasswordStepResult | null> {
  const p = await db(prisma);
  const user = await verifyCredentials({ email: input.email, password: input.password }, p, input.ip);
  if (!user) return null;
  const status = await getTwoFactorStatus({ userId: user.id }, p);
  const pendingToken = await createAuthChallenge(p, { purpose: "sign-in", userId: user.id });
  return {
    pendingToken,
    secondFactor: status.enabled ? { totp: status.totp, passkey: status.passkeys > 0, recovery: status.recoveryCodesLeft > 0 } : null,
  };
}

/**
 * WebAuthn options for the passkey step. With a pending token (after the password) the challenge joins that
 * sign-in and only the user's passkeys are offered; without one, a passwordless sign-in starts.
 */
export async function passkeyOptionsStep(
  input: { pendingToken?: string | null },
  prisma?: Prisma,
): Promise<{ pendingToken: string; options: PublicKeyCredentialRequestOptionsJSON } | null> {
  const p = await db(prisma);
  if (input.pendingToken) {
    const challenge = await findAuthChallenge(p, input.pendingToken, ["sign-in"]);
    if (!challenge?.userId) return null;
    const options = await passkeyAuthenticationOptions({ userId: challenge.userId, userVerification: "preferred" }, p);
    await setWebauthnChallenge(p, challenge.id, options.challenge);
    return { pendingToken: input.pendingToken, options };
  }
  const options = await passkeyAuthenticationOptions({ userId: null, userVerification: "required" }, p);
  const pendingToken = await createAuthChallenge(p, { purpose: "passkey-sign-in", webauthnChallenge: options.challenge });
  return { pendingToken, options };
}

export interface SignInCredentials {
  email?: string;
  password?: string;
  pendingToken?: string;
  code?: string;
  recoveryCode?: string;
  passkey?: string;
}

export interface SessionContext {
  ip: string;
  userAgent: string | null;
}

export type SignedInUser = AuthorizedUser & { sid: string };

async function userById(p: Prisma, id: string): Promise<AuthorizedUser | null> {
  return p.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

async function startSession(p: Prisma, user: AuthorizedUser, ctx: SessionContext): Promise<SignedInUser> {
  const { sid } = await createSession({ userId: user.id, days: env().PLUMB_SESSION_DAYS, ip: ctx.ip, userAgent: ctx.userAgent }, p);
  return { ...user, sid };
}

/**
 * The last step, run by next-auth's Credentials provider: returns the user and the new session's id, null for
 * a wrong password, or throws SignInError / SignInThrottledError with a code for the form.
 */
export async function completeSignIn(creds: SignInCredentials, ctx: SessionContext, prisma?: Prisma): Promise<SignedInUser | null> {
  const p = await db(prisma);
  if (!creds.pendingToken) {
    const user = await verifyCredentials({ email: creds.email, password: creds.password }, p, ctx.ip);
    if (!user) return null;
    if ((await getTwoFactorStatus({ userId: user.id }, p)).enabled) throw new SignInError(TWO_FACTOR_REQUIRED);
    return startSession(p, user, ctx);
  }

  const challenge = await findAuthChallenge(p, creds.pendingToken, ["sign-in", "passkey-sign-in"]);
  if (!challenge) throw new SignInError(SIGN_IN_EXPIRED);

  if (challenge.purpose === "passkey-sign-in") {
    if (!creds.passkey || !challenge.webauthnChallenge) throw new SignInError(SECOND_FACTOR_INVALID);
    const userId = await verifyPasskeyAssertion({ response: creds.passkey, expectedChallenge: challenge.webauthnChallenge, userId: null }, p);
    if (!(await consumeAuthChallenge(p, challenge.id))) throw new SignInError(SIGN_IN_EXPIRED);
    const user = userId ? await userById(p, userId) : null;
    if (!user) throw new SignInError(SECOND_FACTOR_INVALID);
    return startSession(p, user, ctx);
  }

  const userId = challenge.userId;
  const user = userId ? await userById(p, userId) : null;
  if (!userId || !user) throw new SignInError(SIGN_IN_EXPIRED);
  const status = await getTwoFactorStatus({ userId }, p);
  if (status.enabled) {
    await assertSecondFactorAllowed(userId, p);
    let ok = false;
    if (creds.passkey && challenge.webauthnChallenge) {
      ok = (await verifyPasskeyAssertion({ response: creds.passkey, expectedChallenge: challenge.webauthnChallenge, userId }, p)) === userId;
    } else if (creds.code) {
      ok = await verifySecondFactor({ userId, proof: { kind: "totp", code: creds.code } }, p);
    } else if (creds.recoveryCode) {
      ok = await verifySecondFactor({ userId, proof: { kind: "recovery", code: creds.recoveryCode } }, p);
    }
    if (!ok) {
      await recordChallengeFailure(p, challenge.id);
      await recordSecondFactorFailure(userId, p);
      throw new SignInError(SECOND_FACTOR_INVALID);
    }
  }
  if (!(await consumeAuthChallenge(p, challenge.id))) throw new SignInError(SIGN_IN_EXPIRED);
  return startSession(p, user, ctx);
}
