import { getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import pkg from "@/package.json";

/** What GET /api/v1/health reports; throws when the database does not answer (-> 500). */
export async function checkHealth() {
  const db = await getDatabase();
  await db.prisma.$queryRaw`SELECT 1`;
  return {
    status: "ok" as const,
    db: "ok" as const,
    database: db.kind,
    jobs: env().jobs,
    version: pkg.version,
  };
}

export const apiVersion: string = pkg.version;
