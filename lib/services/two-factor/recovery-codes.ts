import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/crypto";
import type { Prisma } from "@/lib/db";

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: codes are typed from paper.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** "xxxxx-xxxxx": 10 characters of a 31-letter alphabet, about 49 bits each. */
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** Normalises what a person typed: case, spaces and the dash do not matter. */
export function recoveryCodeHash(code: string): string {
  return sha256Hex(`recovery:${code.toLowerCase().replace(/[^a-z0-9]/g, "")}`);
}

/** Replaces the user's recovery codes with RECOVERY_CODE_COUNT fresh ones; returns them (shown once). */
export async function replaceRecoveryCodes(db: Prisma, input: { userId: string }): Promise<string[]> {
  const { userId } = input;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: recoveryCodeHash(c) })) });
  return codes;
}

/** Uses one recovery code: true once per code (an atomic conditional update, so two requests cannot both win). */
export async function consumeRecoveryCode(db: Prisma, input: { userId: string; code: string }): Promise<boolean> {
  const { userId, code } = input;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeHash(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
