import { getPrisma, type Prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";
import { ServiceError } from "../errors";
import { checkTotp } from "./totp";
import { replaceRecoveryCodes } from "./recovery-codes";

/**
 * Step two: the first code from the app turns the factor on. Returns fresh recovery codes when the user had
 * none left (shown once); an empty list when existing codes stay valid.
 */
export async function confirmTotpEnrolment(input: { userId: string; code: string }, prisma?: Prisma): Promise<{ recoveryCodes: string[] }> {
  const db = prisma ?? (await getPrisma());
  const factor = await db.totpFactor.findUnique({ where: { userId: input.userId } });
  if (!factor) throw new ServiceError("not_found", "Start setting up the authenticator app first.");
  if (factor.enabledAt) throw new ServiceError("conflict", "The authenticator app is already set up.");
  const step = await checkTotp({ secret: decryptSecret(factor.secretEncrypted), code: input.code });
  if (step === null) throw new ServiceError("invalid_params", "That code is not right. Check the app's clock and enter the current code.");
  await db.totpFactor.update({ where: { userId: input.userId }, data: { enabledAt: new Date(), lastUsedStep: step } });
  const left = await db.recoveryCode.count({ where: { userId: input.userId, usedAt: null } });
  return { recoveryCodes: left > 0 ? [] : await replaceRecoveryCodes(db, { userId: input.userId }) };
}
