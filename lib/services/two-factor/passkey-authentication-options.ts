import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { getPrisma, type Prisma } from "@/lib/db";
import { relyingParty } from "./webauthn";

/** Options for navigator.credentials.get(): the user's passkeys, or any discoverable one when userId is null. */
export async function passkeyAuthenticationOptions(
  input: { userId: string | null; userVerification: "required" | "preferred" },
  prisma?: Prisma,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const db = prisma ?? (await getPrisma());
  const rp = relyingParty();
  const allow = input.userId
    ? (await db.passkey.findMany({ where: { userId: input.userId }, select: { credentialId: true, transports: true } })).map((c) => ({
        id: c.credentialId,
        transports: c.transports,
      }))
    : undefined;
  return generateAuthenticationOptions({ rpID: rp.rpID, allowCredentials: allow, userVerification: input.userVerification });
}
