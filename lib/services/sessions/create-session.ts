import { getPrisma, type Prisma } from "@/lib/db";
import { newSessionId, sessionTokenHash } from "./session-token";

export interface CreateSessionInput {
  userId: string;
  /** Lifetime in days (PLUMB_SESSION_DAYS). */
  days: number;
  ip?: string | null;
  userAgent?: string | null;
}

/** Starts a session for a user who has passed every sign-in factor. Returns the raw id for the JWT (`sid`). */
export async function createSession(input: CreateSessionInput, prisma?: Prisma): Promise<{ sid: string; id: string; expires: Date }> {
  const db = prisma ?? (await getPrisma());
  const sid = newSessionId();
  const now = new Date();
  const expires = new Date(now.getTime() + input.days * 86_400_000);
  const row = await db.session.create({
    data: {
      sessionToken: sessionTokenHash(sid),
      userId: input.userId,
      expires,
      createdAt: now,
      lastSeenAt: now,
      ip: input.ip?.slice(0, 64) || null,
      // Shown in the sessions list only; long strings are noise.
      userAgent: input.userAgent?.slice(0, 512) || null,
    },
    select: { id: true },
  });
  return { sid, id: row.id, expires };
}
