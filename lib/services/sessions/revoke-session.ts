import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";

/** Ends one of the user's sessions (another user's id answers not found). */
export async function revokeSession(input: { userId: string; sessionId: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  const { count } = await db.session.deleteMany({ where: { id: input.sessionId, userId: input.userId } });
  if (count === 0) throw new ServiceError("not_found", "Session not found.");
}
