import { Prisma } from "@/generated/prisma/client";

/** True for a unique-constraint violation (P2002), optionally only when it involves `field`. */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") return false;
  if (!field) return true;
  // Driver adapters report the target in different shapes (array of fields, or a constraint name); match loosely.
  return JSON.stringify(err.meta ?? {}).includes(field);
}
