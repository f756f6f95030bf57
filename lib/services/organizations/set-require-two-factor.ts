import { getPrisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";

/**
 * Owners decide whether members must sign in with a second factor to use the organization. Turning it on
 * requires the owner to have one already, so that they do not lock themselves out of their own settings.
 */
export async function setRequireTwoFactor(actor: Actor, input: { enabled: boolean }) {
  const db = await getPrisma();
  if (!actor.userId) throw new ServiceError("forbidden", "Only an owner can change this.");
  const membership = await db.membership.findUnique({ where: { organizationId_userId: { organizationId: actor.orgId, userId: actor.userId } } });
  if (!membership || membership.status !== "active" || membership.role !== "owner") {
    throw new ServiceError("forbidden", "Only owners can require two-factor sign-in.");
  }
  if (input.enabled) {
    const [totp, passkeys] = await Promise.all([
      db.totpFactor.findUnique({ where: { userId: actor.userId }, select: { enabledAt: true } }),
      db.passkey.count({ where: { userId: actor.userId } }),
    ]);
    if (!totp?.enabledAt && passkeys === 0) {
      throw new ServiceError("conflict", "Set up two-factor sign-in for your own account first (Account → Security).");
    }
  }
  return db.$transaction(async (tx) => {
    const org = await tx.organization.update({ where: { id: actor.orgId }, data: { requireTwoFactor: input.enabled }, select: { id: true, requireTwoFactor: true } });
    await recordAuditEvent(tx, actor, {
      action: input.enabled ? "organization.require_two_factor" : "organization.allow_single_factor",
      targetType: "organization",
      targetId: actor.orgId,
      metadata: {},
    });
    return org;
  });
}
