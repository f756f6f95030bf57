import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import { countSignInAttempt } from "./sign-in-limits";

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
 * so response time does not reveal which emails have accounts. Every attempt counts against the account's
 * and the client address's sign-in budget (throws Error(SIGN_IN_RATE_LIMITED) beyond it).
 */
export async function verifyCredentials(input: unknown, prisma?: Prisma, clientIp?: string): Promise<AuthorizedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = prisma ?? (await getPrisma());
  await countSignInAttempt(email, clientIp, db);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword("plumb-timing-equaliser");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
