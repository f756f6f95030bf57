import { getPrisma, type Prisma } from "@/lib/db";
import { sessionTokenHash } from "./session-token";

// lastSeenAt is informational: written at most once a minute per session, so reads stay reads.
const TOUCH_INTERVAL_MS = 60_000;

export interface ActiveSession {
  id: string;
  userId: string;
  expires: Date;
  user: { id: string; email: string; name: string | null };
}

/**
 * The session whose JWT carries `sid`, if its row still exists and has not expired; null otherwise (signed out,
 * revoked, expired, or the user deleted). One indexed lookup per request.
 */
export async function findActiveSession(input: { sid: string; now?: Date }, prisma?: Prisma): Promise<ActiveSession | null> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const row = await db.session.findUnique({
    where: { sessionToken: sessionTokenHash(input.sid) },
    select: { id: true, userId: true, expires: true, lastSeenAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row || row.expires <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    // Conditional, so concurrent requests of one session write once per interval.
    await db.session.updateMany({
      where: { id: row.id, lastSeenAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } },
      data: { lastSeenAt: now },
    });
  }
  return { id: row.id, userId: row.userId, expires: row.expires, user: row.user };
}
