import { z } from "zod";
import { getPrisma, type Prisma } from "@/lib/db";
import type { Organization } from "@/generated/prisma/client";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { hasRole } from "./roles";

export const organizationNameSchema = z.string().trim().min(1, "Organization name is required.").max(100, "Organization name is too long.");

/** Renames the actor's organization (owners and admins). The slug stays: links people saved keep working. */
export async function renameOrganization(actor: Actor, input: { name: string }, prisma?: Prisma): Promise<Organization> {
  const parsed = organizationNameSchema.safeParse(input.name);
  if (!parsed.success) throw new ServiceError("invalid_params", parsed.error.issues.map((i) => i.message).join(" "));
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    // An API key reaches here only with the scope its route requires (members:write).
    if (!actor.apiKeyId || actor.userId) {
      const m = actor.userId
        ? await tx.membership.findUnique({ where: { organizationId_userId: { organizationId: actor.orgId, userId: actor.userId } } })
        : null;
      if (!m || m.status !== "active") throw new ServiceError("not_found", "Organization not found.");
      if (!hasRole(m.role, "admin")) throw new ServiceError("forbidden", "Only owners and admins can rename the organization.");
    }
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { name: true } });
    const org = await tx.organization.update({ where: { id: actor.orgId }, data: { name: parsed.data } });
    await recordAuditEvent(tx, actor, { action: "organization.rename", targetType: "organization", targetId: org.id, metadata: { name: [before.name, org.name] } });
    return org;
  });
}
