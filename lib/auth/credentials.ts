import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "./sign-in-limits";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(256),
});

export interface AuthorizedUser {
  id: string;
  email: string;
  name: string | null;
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks an email + password. Unknown emails still pay for one argon2 verification against a throwaway hash,
 * so response time does not reveal which emails have accounts. Sign-in limits (lib/auth/sign-in-limits.ts)
 * apply per (account, client address), per account and per address: over a limit this throws
 * SignInThrottledError without testing the password.
 */
export async function verifyCredentials(input: unknown, prisma?: Prisma, clientIp = "unknown"): Promise<AuthorizedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = prisma ?? (await getPrisma());
  const source = { email, ip: clientIp };
  await assertSignInAllowed(source, db);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword("plumb-timing-equaliser");
    await verifyPassword(await dummyHash, password);
    await recordSignInFailure(source, db);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordSignInFailure(source, db);
    return null;
  }
  await recordSignInSuccess(source, db);
  return { id: user.id, email: user.email, name: user.name };
}
