import { getPrisma, type Prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto";
import { env } from "@/lib/env";
import { ServiceError } from "../errors";
import { newTotpSecret, totpUri } from "./totp";

/**
 * Step one of adding an authenticator app: a new secret, kept encrypted and not yet enabled until the user
 * proves the app works (confirmTotpEnrolment). Starting again replaces an unconfirmed secret.
 */
export async function startTotpEnrolment(input: { userId: string; email: string }, prisma?: Prisma): Promise<{ secret: string; uri: string }> {
  const db = prisma ?? (await getPrisma());
  const existing = await db.totpFactor.findUnique({ where: { userId: input.userId }, select: { enabledAt: true } });
  if (existing?.enabledAt) throw new ServiceError("conflict", "An authenticator app is already set up. Turn it off first to replace it.");
  const secret = newTotpSecret();
  const secretEncrypted = encryptSecret(secret);
  await db.totpFactor.upsert({
    where: { userId: input.userId },
    create: { userId: input.userId, secretEncrypted },
    update: { secretEncrypted, enabledAt: null, lastUsedStep: null },
  });
  return { secret, uri: totpUri({ secret, email: input.email, issuer: env().PLUMB_WEBAUTHN_RP_NAME }) };
}
