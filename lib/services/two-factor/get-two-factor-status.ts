import { getPrisma, type Prisma } from "@/lib/db";

export interface TwoFactorStatus {
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
  /** Any second factor at all: signing in then takes two steps. */
  enabled: boolean;
}

export async function getTwoFactorStatus(input: { userId: string }, prisma?: Prisma): Promise<TwoFactorStatus> {
  const db = prisma ?? (await getPrisma());
  const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
    db.totpFactor.findUnique({ where: { userId: input.userId }, select: { enabledAt: true } }),
    db.passkey.count({ where: { userId: input.userId } }),
    db.recoveryCode.count({ where: { userId: input.userId, usedAt: null } }),
  ]);
  const hasTotp = Boolean(totp?.enabledAt);
  return { totp: hasTotp, passkeys, recoveryCodesLeft, enabled: hasTotp || passkeys > 0 };
}
