import { getPrisma, type Prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { toShareLinkView, type ShareLinkView } from "./share-link-row";
import { newShareToken } from "./share-token";

export interface CreateShareLinkInput {
  /** exactly one of scanId (a scan's report) and reportId (a saved report definition) */
  scanId?: string;
  reportId?: string;
  expiresAt?: Date | null;
  password?: string | null;
  includeEvidence?: boolean;
  now?: Date;
}

/** What the link shows: a finished scan, or a saved report of this organization. */
async function linkTarget(db: Prisma, orgId: string, input: CreateShareLinkInput): Promise<{ domainId: string; scanId: string | null; reportId: string | null }> {
  if ((input.scanId === undefined) === (input.reportId === undefined)) {
    throw new ServiceError("invalid_params", "Give exactly one of scan_id and report_id.", { issues: [{ code: "custom", path: ["scan_id"], message: "Give exactly one of scan_id and report_id." }] });
  }
  if (input.reportId !== undefined) {
    const report = await db.report.findFirst({ where: { id: input.reportId, organizationId: orgId }, select: { id: true, domainId: true } });
    if (!report) throw new ServiceError("not_found", "Report not found.");
    return { domainId: report.domainId, scanId: null, reportId: report.id };
  }
  const scan = await db.scan.findFirst({ where: { id: input.scanId, organizationId: orgId }, select: { id: true, domainId: true, status: true } });
  if (!scan) throw new ServiceError("not_found", "Scan not found.");
  if (scan.status !== "succeeded") throw new ServiceError("conflict", "Only a finished (succeeded) scan can be shared.");
  return { domainId: scan.domainId, scanId: scan.id, reportId: null };
}

/**
 * A public link to a finished scan's report or to a saved report (its sections, branding and subject).
 * Returns the token once (only its SHA-256 is stored); the optional password is kept as an argon2id hash.
 */
export async function createShareLink(actor: Actor, input: CreateShareLinkInput, prisma?: Prisma): Promise<{ link: ShareLinkView; token: string }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const target = await linkTarget(db, actor.orgId, input);
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw new ServiceError("invalid_params", "expires_at must be in the future.", { issues: [{ code: "custom", path: ["expires_at"], message: "Must be in the future." }] });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const { token, tokenHash } = newShareToken();
  const link = await db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: {
        organizationId: actor.orgId,
        domainId: target.domainId,
        scanId: target.scanId,
        reportId: target.reportId,
        tokenHash,
        passwordHash,
        includeEvidence: input.includeEvidence ?? false,
        expiresAt: input.expiresAt ?? null,
        createdById: actor.userId,
      },
      include: { domain: { select: { host: true } } },
    });
    await recordAuditEvent(tx, actor, {
      action: "share_link.create",
      targetType: "share_link",
      targetId: created.id,
      metadata: { scan_id: target.scanId, report_id: target.reportId, password: passwordHash !== null, include_evidence: created.includeEvidence, expires_at: created.expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { link: toShareLinkView(link, now), token };
}
