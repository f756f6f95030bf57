import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { consumeAuthChallenge, createAuthChallenge, findAuthChallenge } from "@/lib/services/two-factor/auth-challenge";
import { passkeyAuthenticationOptions } from "@/lib/services/two-factor/passkey-authentication-options";
import { verifyPasskeyAssertion } from "@/lib/services/two-factor/verify-passkey-assertion";
import { verifySecondFactor } from "@/lib/services/two-factor/verify-second-factor";
import { assertSecondFactorAllowed, recordSecondFactorFailure, SignInThrottledError } from "./sign-in-limits";

// Turning a factor off (or replacing recovery codes) needs a factor proven now, not just a session that may
// have been left open: an authenticator code, a recovery code, or a passkey assertion on a "step-up" challenge.
export const freshFactorProof = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("totp"), code: z.string().trim().min(6).max(12) }),
  z.object({ kind: z.literal("recovery"), code: z.string().trim().min(8).max(32) }),
  z.object({ kind: z.literal("passkey"), token: z.string().min(16).max(200), response: z.string().min(2).max(32_768) }),
]);
export type FreshFactorProof = z.infer<typeof freshFactorProof>;

/** WebAuthn options for proving a passkey now, and the token the proof must carry back. */
export async function startStepUp(userId: string) {
  const db = await getPrisma();
  const options = await passkeyAuthenticationOptions({ userId, userVerification: "preferred" }, db);
  const token = await createAuthChallenge(db, { purpose: "step-up", userId, webauthnChallenge: options.challenge });
  return { token, options };
}

/** true when the proof checks out; wrong answers count towards the user's second-factor limit. */
export async function checkFreshFactor(userId: string, input: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = freshFactorProof.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Confirm with a code from your authenticator app, a recovery code or a passkey." };
  const db = await getPrisma();
  try {
    await assertSecondFactorAllowed(userId, db);
  } catch (err) {
    if (err instanceof SignInThrottledError) return { ok: false, error: "Too many wrong codes. Wait a while and try again." };
    throw err;
  }
  const proof = parsed.data;
  let ok = false;
  if (proof.kind === "passkey") {
    const challenge = await findAuthChallenge(db, proof.token, ["step-up"]);
    if (challenge?.userId === userId && challenge.webauthnChallenge && (await consumeAuthChallenge(db, challenge.id))) {
      ok = (await verifyPasskeyAssertion({ response: proof.response, expectedChallenge: challenge.webauthnChallenge, userId }, db)) === userId;
    }
  } else {
    ok = await verifySecondFactor({ userId, proof }, db);
  }
  if (!ok) {
    await recordSecondFactorFailure(userId, db);
    return { ok: false, error: proof.kind === "passkey" ? "The passkey could not be verified." : "That code did not work." };
  }
  return { ok: true };
}
