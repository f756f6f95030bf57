import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { getPrisma, type Prisma } from "@/lib/db";
import { createAuthChallenge } from "./auth-challenge";
import { relyingParty } from "./webauthn";

/** Options for navigator.credentials.create() and the token that ties the answer to them. */
export async function startPasskeyRegistration(
  input: { userId: string; email: string; name: string | null },
  prisma?: Prisma,
): Promise<{ token: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  const db = prisma ?? (await getPrisma());
  const rp = relyingParty();
  const existing = await db.passkey.findMany({ where: { userId: input.userId }, select: { credentialId: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: input.email,
    userDisplayName: input.name ?? input.email,
    userID: new TextEncoder().encode(input.userId),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  const token = await createAuthChallenge(db, { purpose: "passkey-registration", userId: input.userId, webauthnChallenge: options.challenge });
  return { token, options };
}
