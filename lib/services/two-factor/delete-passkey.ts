import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";

/** Removes one of the user's passkeys (the caller checked a fresh factor). Recovery codes go with the last factor. */
export async function deletePasskey(input: { userId: string; passkeyId: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  const { count } = await db.passkey.deleteMany({ where: { id: input.passkeyId, userId: input.userId } });
  if (count === 0) throw new ServiceError("not_found", "Passkey not found.");
  const totp = await db.totpFactor.findUnique({ where: { userId: input.userId }, select: { enabledAt: true } });
  if (!totp?.enabledAt && (await db.passkey.count({ where: { userId: input.userId } })) === 0) {
    await db.recoveryCode.deleteMany({ where: { userId: input.userId } });
  }
}
