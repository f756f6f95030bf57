import { getPrisma, type Prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";
import { checkTotp } from "./totp";
import { consumeRecoveryCode } from "./recovery-codes";

export type SecondFactorProof = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

/**
 * Checks an authenticator-app code (each time step once: a replayed code is refused) or a recovery code (each
 * code once). Passkeys are checked by verifyPasskeyAssertion. No rate limiting here: callers count failures.
 */
export async function verifySecondFactor(input: { userId: string; proof: SecondFactorProof }, prisma?: Prisma): Promise<boolean> {
  const db = prisma ?? (await getPrisma());
  if (input.proof.kind === "recovery") return consumeRecoveryCode(db, { userId: input.userId, code: input.proof.code });
  const factor = await db.totpFactor.findUnique({ where: { userId: input.userId } });
  if (!factor?.enabledAt) return false;
  const step = await checkTotp({ secret: decryptSecret(factor.secretEncrypted), code: input.proof.code, afterTimeStep: factor.lastUsedStep });
  if (step === null) return false;
  // Conditional, so two concurrent requests with the same code cannot both pass.
  const { count } = await db.totpFactor.updateMany({
    where: { userId: input.userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return count === 1;
}
