import { recordAuditEvent } from "../audit/record-audit-event";
import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { EXPORT_INSTANCE_LIMIT, EXPORT_ROW_LIMIT } from "./export-limits";
import { assertOwner } from "./request-organization-deletion";

/**
 * Everything Plumb holds about one organization (owners only; anybody else gets not_found), JSON-ready.
 * Bounded: the newest EXPORT_ROW_LIMIT rows of each table, EXPORT_INSTANCE_LIMIT instances per finding.
 * Never selected: API key hashes, domain verification tokens, invitation token hashes, integration
 * credentials, mail bodies.
 */
export async function exportOrganizationData(input: { orgId: string; userId: string; now?: Date; ip?: string | null }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  await assertOwner(db, input);
  await recordAuditEvent(db, { orgId: input.orgId, userId: input.userId, apiKeyId: null, requestId: null, ip: input.ip ?? null }, {
    action: "organization.export",
    targetType: "organization",
    targetId: input.orgId,
  });
  const organizationId = input.orgId;
  const take = EXPORT_ROW_LIMIT;
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, name: true, slug: true, creditBalance: true, requireTwoFactor: true, createdAt: true, updatedAt: true, deletionRequestedAt: true, deletionScheduledFor: true },
  });
  if (!org) throw new ServiceError("not_found", "Organization not found.");
  const [members, domains, scans, findings, ledger, auditEvents, apiKeys, mail] = await Promise.all([
    db.membership.findMany({
      where: { organizationId },
      select: { role: true, status: true, invitedEmail: true, inviteExpiresAt: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.domain.findMany({
      where: { organizationId },
      select: {
        id: true, host: true, scheme: true, verifiedAt: true, verificationMethod: true, verificationLostAt: true, verificationLostReason: true,
        schedule: true, schedulePillars: true, directoryEnabled: true, directoryShowFindings: true, pageCount: true, organizationName: true, description: true, createdAt: true,
      },
      orderBy: { createdAt: "asc" },
    }),
    db.scan.findMany({
      where: { organizationId },
      select: {
        id: true, domainId: true, status: true, trigger: true, pillars: true, maxPages: true, pagesTotal: true, pagesDone: true, scores: true, score: true,
        grade: true, securityGrade: true, summary: true, error: true, creditsReserved: true, creditsCharged: true, createdById: true, createdAt: true, startedAt: true, finishedAt: true,
      },
      orderBy: { createdAt: "desc" },
      take,
    }),
    db.finding.findMany({
      where: { organizationId },
      select: {
        id: true, domainId: true, pillar: true, rule: true, severity: true, severityOverride: true, status: true, title: true, description: true, evidence: true,
        selector: true, fix: true, url: true, assigneeId: true, firstSeenAt: true, lastSeenAt: true, resolvedAt: true,
        instances: { select: { url: true, selector: true, asset: true, snippet: true, firstSeenAt: true, lastSeenAt: true }, orderBy: { lastSeenAt: "desc" }, take: EXPORT_INSTANCE_LIMIT },
        events: { select: { actorId: true, kind: true, fromStatus: true, toStatus: true, justification: true, acceptedUntil: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      },
      orderBy: { lastSeenAt: "desc" },
      take,
    }),
    db.creditLedger.findMany({ where: { organizationId }, select: { id: true, amount: true, reason: true, scanId: true, note: true, periodKey: true, createdAt: true }, orderBy: { createdAt: "desc" }, take }),
    db.auditEvent.findMany({
      where: { organizationId },
      select: { id: true, actorUserId: true, actorApiKeyId: true, action: true, targetType: true, targetId: true, metadata: true, requestId: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take,
    }),
    db.apiKey.findMany({
      where: { organizationId },
      select: { id: true, name: true, prefix: true, scopes: true, createdById: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
      orderBy: { createdAt: "desc" },
      take,
    }),
    db.mailMessage.findMany({
      where: { organizationId },
      select: { id: true, template: true, to: true, subject: true, status: true, attempts: true, createdAt: true, sentAt: true },
      orderBy: { createdAt: "desc" },
      take,
    }),
  ]);
  const sections = { scans, findings, ledger, audit_events: auditEvents, api_keys: apiKeys, mail_messages: mail };
  return {
    format: "plumb-organization-export/v1" as const,
    exported_at: (input.now ?? new Date()).toISOString(),
    limits: { rows_per_section: take, instances_per_finding: EXPORT_INSTANCE_LIMIT },
    truncated: Object.entries(sections).filter(([, rows]) => rows.length >= take).map(([name]) => name),
    organization: org,
    members: members.map((m) => ({ user: m.user, invited_email: m.invitedEmail, role: m.role, status: m.status, invite_expires_at: m.inviteExpiresAt, created_at: m.createdAt })),
    domains,
    ...sections,
  };
}
