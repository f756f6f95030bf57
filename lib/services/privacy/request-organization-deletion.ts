import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { appUrl } from "../mail/app-url";
import { dispatchMail } from "../mail/dispatch-mail";
import { queueMail } from "../mail/queue-mail";
import { organizationDeletionMail } from "../mail/templates";
import { deletionDate } from "./deletion-grace";

/** Throws not_found unless the user is an active owner of the organization (others must not learn it exists). */
export async function assertOwner(db: Prisma, input: { orgId: string; userId: string }): Promise<void> {
  const m = await db.membership.findFirst({
    where: { organizationId: input.orgId, userId: input.userId, role: "owner", status: "active" },
    select: { id: true },
  });
  if (!m) throw new ServiceError("not_found", "Organization not found.");
}

/**
 * Schedules the organization's deletion after the grace period (owners only) and mails every owner. While
 * pending, new scans are refused (lib/services/scans/create-scan.ts) and owners can cancel.
 */
export async function requestOrganizationDeletion(
  input: { orgId: string; userId: string; requestId?: string | null; now?: Date },
  prisma?: Prisma,
): Promise<{ scheduledFor: Date }> {
  const db = prisma ?? (await getPrisma());
  await assertOwner(db, input);
  const now = input.now ?? new Date();
  const org = await db.organization.findUnique({ where: { id: input.orgId }, select: { name: true, slug: true, deletionScheduledFor: true } });
  if (!org) throw new ServiceError("not_found", "Organization not found.");
  if (org.deletionScheduledFor) throw new ServiceError("conflict", `Deletion is already scheduled for ${org.deletionScheduledFor.toISOString().slice(0, 10)}.`);
  const scheduledFor = deletionDate(now);
  const owners = await db.membership.findMany({
    where: { organizationId: input.orgId, role: "owner", status: "active", user: { isNot: null } },
    select: { user: { select: { email: true } } },
  });
  const mailIds = await db.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: input.orgId }, data: { deletionRequestedAt: now, deletionScheduledFor: scheduledFor } });
    await recordAuditEvent(
      tx,
      { orgId: input.orgId, userId: input.userId, apiKeyId: null, requestId: input.requestId ?? null },
      { action: "organization.deletion_request", targetType: "organization", targetId: input.orgId, metadata: { scheduled_for: scheduledFor.toISOString() } },
    );
    const content = organizationDeletionMail({ orgName: org.name, scheduledFor, settingsLink: appUrl(`/o/${org.slug}/settings`) });
    const ids: string[] = [];
    for (const o of owners) {
      if (!o.user) continue;
      ids.push((await queueMail({ tx, kind: "organization", organizationId: input.orgId, template: "organization-deletion", to: o.user.email, ...content })).id);
    }
    return ids;
  });
  await dispatchMail({ mailIds, deferToSweeper: prisma !== undefined });
  return { scheduledFor };
}
