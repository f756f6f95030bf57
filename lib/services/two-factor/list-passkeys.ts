import { getPrisma, type Prisma } from "@/lib/db";

export async function listPasskeys(input: { userId: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  return db.passkey.findMany({
    where: { userId: input.userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true },
  });
}
