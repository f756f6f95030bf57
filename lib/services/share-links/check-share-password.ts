import type { ShareLink } from "@/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";

/** Whether `password` opens the link (a link without a password needs none). */
export async function checkSharePassword(input: { link: Pick<ShareLink, "passwordHash">; password: string }): Promise<boolean> {
  if (!input.link.passwordHash) return true;
  if (input.password.length === 0 || input.password.length > 200) return false;
  return verifyPassword(input.link.passwordHash, input.password);
}
