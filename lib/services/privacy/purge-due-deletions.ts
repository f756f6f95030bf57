import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent } from "../audit/record-audit-event";

/**
 * Hard-deletes the organizations and users whose grace period has ended. An organization's rows (domains,
 * scans, findings, ledger, audit events, mail) go with it by the schema's cascades. A user goes with the
 * organizations they alone belong to (where they were the last owner of one others joined meanwhile, its
 * longest-standing admin, else member, becomes owner); their memberships, sessions, tokens and second factors cascade, and
 * what they authored elsewhere keeps no link to them (SetNull).
 */
export async function purgeDueDeletions(input: { now?: Date }, prisma?: Prisma): Promise<{ users: number; organizations: number }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const dueOrgs = await db.organization.findMany({ where: { deletionScheduledFor: { lte: now } }, select: { id: true } });
  let organizations = 0;
  for (const o of dueOrgs) {
    organizations += (await db.organization.deleteMany({ where: { id: o.id, deletionScheduledFor: { lte: now } } })).count;
  }
  const dueUsers = await db.user.findMany({ where: { deletionScheduledFor: { lte: now } }, select: { id: true } });
  let users = 0;
  for (const u of dueUsers) {
    users += await db.$transaction(async (tx) => {
      // Re-checked inside the transaction: a cancel that landed meanwhile wins.
      const still = await tx.user.findFirst({ where: { id: u.id, deletionScheduledFor: { lte: now } }, select: { id: true } });
      if (!still) return 0;
      const memberships = await tx.membership.findMany({ where: { userId: u.id, role: "owner", status: "active" }, select: { organizationId: true } });
      for (const m of memberships) {
        const others = await tx.membership.findMany({
          where: { organizationId: m.organizationId, status: "active", userId: { not: null }, NOT: { userId: u.id } },
          select: { id: true, userId: true, role: true },
          orderBy: { createdAt: "asc" },
        });
        if (others.length === 0) {
          await tx.organization.delete({ where: { id: m.organizationId } });
          continue;
        }
        // Somebody joined during the grace period while this user was the only owner: the organization
        // must not be left without one, so its longest-standing admin (else member) becomes owner.
        if (others.some((o) => o.role === "owner")) continue;
        const heir = others.find((o) => o.role === "admin") ?? others[0];
        await tx.membership.update({ where: { id: heir.id }, data: { role: "owner" } });
        await recordAuditEvent(
          tx,
          { orgId: m.organizationId, userId: null, apiKeyId: null, requestId: null },
          { action: "member.promote_owner", targetType: "membership", targetId: heir.id, metadata: { reason: "last_owner_account_deleted", user_id: heir.userId } },
        );
      }
      await tx.user.delete({ where: { id: u.id } });
      return 1;
    });
  }
  return { users, organizations };
}
