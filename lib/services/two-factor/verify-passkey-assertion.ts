import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import { getPrisma, type Prisma } from "@/lib/db";
import { parseAuthenticationResponse } from "./passkey-response";
import { relyingParty } from "./webauthn";

/**
 * Checks a signed WebAuthn assertion against the expected challenge. With `userId`, the passkey must be that
 * user's; without, it identifies the user (passwordless sign-in, which then needs user verification).
 * Returns the user id, or null.
 */
export async function verifyPasskeyAssertion(
  input: { response: unknown; expectedChallenge: string; userId: string | null },
  prisma?: Prisma,
): Promise<string | null> {
  const db = prisma ?? (await getPrisma());
  const response = parseAuthenticationResponse(input.response);
  if (!response) return null;
  const passkey = await db.passkey.findUnique({ where: { credentialId: response.id } });
  if (!passkey || (input.userId && passkey.userId !== input.userId)) return null;
  const rp = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: input.expectedChallenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpID,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports },
      requireUserVerification: input.userId === null,
    });
    if (!result.verified) return null;
    await db.passkey.update({
      where: { id: passkey.id },
      data: { counter: BigInt(result.authenticationInfo.newCounter), lastUsedAt: new Date(), backedUp: result.authenticationInfo.credentialBackedUp },
    });
    return passkey.userId;
  } catch {
    return null;
  }
}
