import { getPrisma, type Prisma } from "@/lib/db";
import { sessionTokenHash } from "./session-token";

/** Signs one browser out: deletes the session its JWT names. Unknown ids are fine (already signed out). */
export async function endSession(input: { sid: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  await db.session.deleteMany({ where: { sessionToken: sessionTokenHash(input.sid) } });
}
