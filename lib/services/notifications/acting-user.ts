import { getPrisma, type Prisma } from "@/lib/db";
import type { Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";

/**
 * The person behind a request: the signed-in user, or for an API key the member who created it (personal
 * things — notifications, "my" tasks — are theirs). A key whose creator is gone has no person: forbidden.
 */
export async function actingUserId(actor: Actor, prisma?: Prisma): Promise<string> {
  if (actor.userId) return actor.userId;
  const db = prisma ?? (await getPrisma());
  const key = actor.apiKeyId ? await db.apiKey.findFirst({ where: { id: actor.apiKeyId, organizationId: actor.orgId }, select: { createdById: true } }) : null;
  if (!key?.createdById) throw new ServiceError("forbidden", "This API key has no member behind it (its creator left): personal resources are unavailable.");
  return key.createdById;
}
