import { getPrisma, type Prisma } from "@/lib/db";

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expires: Date;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The user's unexpired sessions, most recently active first; `currentSessionId` marks the caller's own. */
export async function listSessions(input: { userId: string; currentSessionId?: string | null }, prisma?: Prisma): Promise<SessionSummary[]> {
  const db = prisma ?? (await getPrisma());
  const rows = await db.session.findMany({
    where: { userId: input.userId, expires: { gt: new Date() } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, createdAt: true, lastSeenAt: true, expires: true, ip: true, userAgent: true },
    take: 200,
  });
  return rows.map((r) => ({ ...r, current: r.id === input.currentSessionId }));
}
