import { verifyRegistrationResponse } from "@simplewebauthn/server";
import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { consumeAuthChallenge, findAuthChallenge } from "./auth-challenge";
import { parseRegistrationResponse } from "./passkey-response";
import { replaceRecoveryCodes } from "./recovery-codes";
import { relyingParty } from "./webauthn";

/** Verifies the browser's answer and stores the passkey. Returns recovery codes when the user had none (shown once). */
export async function finishPasskeyRegistration(
  input: { userId: string; token: string; response: unknown; name: string },
  prisma?: Prisma,
): Promise<{ id: string; recoveryCodes: string[] }> {
  const db = prisma ?? (await getPrisma());
  const challenge = await findAuthChallenge(db, input.token, ["passkey-registration"]);
  if (!challenge || challenge.userId !== input.userId || !challenge.webauthnChallenge) {
    throw new ServiceError("invalid_params", "This passkey request has expired. Try again.");
  }
  await consumeAuthChallenge(db, challenge.id);
  const response = parseRegistrationResponse(input.response);
  if (!response) throw new ServiceError("invalid_params", "The browser's passkey answer is malformed.");
  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.webauthnChallenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch {
    throw new ServiceError("invalid_params", "The passkey could not be verified.");
  }
  if (!verification.verified) throw new ServiceError("invalid_params", "The passkey could not be verified.");
  const info = verification.registrationInfo;
  const created = await db.passkey.create({
    data: {
      userId: input.userId,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey),
      counter: BigInt(info.credential.counter),
      transports: info.credential.transports ?? [],
      name: input.name.trim().slice(0, 100) || "Passkey",
      backedUp: info.credentialBackedUp,
    },
    select: { id: true },
  });
  const left = await db.recoveryCode.count({ where: { userId: input.userId, usedAt: null } });
  return { id: created.id, recoveryCodes: left > 0 ? [] : await replaceRecoveryCodes(db, { userId: input.userId }) };
}
