import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { EXPORT_ROW_LIMIT } from "./export-limits";

/**
 * Everything Plumb holds about one person, as JSON-ready data. Secrets are never selected: no password
 * hash, TOTP secret, recovery codes, session or link token hashes, API key hashes, passkey public keys, and
 * mail bodies stay out (metadata only).
 */
export async function exportUserData(input: { userId: string; now?: Date }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const take = EXPORT_ROW_LIMIT;
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: {
      id: true, email: true, name: true, image: true, emailVerified: true, createdAt: true, updatedAt: true,
      deletionRequestedAt: true, deletionScheduledFor: true,
      totp: { select: { enabledAt: true, createdAt: true } },
    },
  });
  if (!user) throw new ServiceError("not_found", "User not found.");
  const userId = user.id;
  const [memberships, sessions, passkeys, apiKeys, assignedFindings, auditEvents, findingEvents, mail, recoveryCodes] = await Promise.all([
    db.membership.findMany({
      where: { userId },
      select: { role: true, status: true, createdAt: true, organization: { select: { id: true, name: true, slug: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.session.findMany({ where: { userId }, select: { createdAt: true, lastSeenAt: true, expires: true, ip: true, userAgent: true }, orderBy: { createdAt: "desc" }, take }),
    db.passkey.findMany({ where: { userId }, select: { name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } }),
    db.apiKey.findMany({
      where: { createdById: userId },
      select: { id: true, organizationId: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
      orderBy: { createdAt: "desc" },
      take,
    }),
    db.finding.findMany({
      where: { assigneeId: userId },
      select: { id: true, organizationId: true, title: true, status: true, severity: true },
      orderBy: { lastSeenAt: "desc" },
      take,
    }),
    db.auditEvent.findMany({
      where: { actorUserId: userId },
      select: { id: true, organizationId: true, action: true, targetType: true, targetId: true, metadata: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take,
    }),
    db.findingEvent.findMany({
      where: { actorId: userId },
      select: { id: true, findingId: true, organizationId: true, kind: true, fromStatus: true, toStatus: true, justification: true, acceptedUntil: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take,
    }),
    db.mailMessage.findMany({
      where: { to: user.email },
      select: { id: true, kind: true, template: true, subject: true, status: true, createdAt: true, sentAt: true },
      orderBy: { createdAt: "desc" },
      take,
    }),
    db.recoveryCode.count({ where: { userId } }),
  ]);
  const sections = { sessions, api_keys: apiKeys, assigned_findings: assignedFindings, audit_events: auditEvents, finding_events: findingEvents, mail_messages: mail };
  return {
    format: "plumb-user-export/v1" as const,
    exported_at: (input.now ?? new Date()).toISOString(),
    limits: { rows_per_section: take },
    truncated: Object.entries(sections).filter(([, rows]) => rows.length >= take).map(([name]) => name),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      image: user.image,
      email_verified_at: user.emailVerified,
      created_at: user.createdAt,
      updated_at: user.updatedAt,
      deletion_requested_at: user.deletionRequestedAt,
      deletion_scheduled_for: user.deletionScheduledFor,
      two_factor: { authenticator_app_enabled_at: user.totp?.enabledAt ?? null, recovery_codes: recoveryCodes, passkeys: passkeys.length },
    },
    memberships: memberships.map((m) => ({ organization: m.organization, role: m.role, status: m.status, created_at: m.createdAt })),
    ...sections,
    passkeys,
  };
}

export type UserExport = Awaited<ReturnType<typeof exportUserData>>;
