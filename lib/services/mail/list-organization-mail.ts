import { getPrisma, type Prisma } from "@/lib/db";
import type { MailStatus } from "@/generated/prisma/enums";
import { decryptSecret } from "@/lib/crypto";
import { ServiceError } from "../errors";

export interface OrganizationMailItem {
  id: string;
  template: string;
  to: string;
  subject: string;
  /** The plain-text body (null when it can no longer be decrypted: PLUMB_ENCRYPTION_KEY changed). */
  text: string | null;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * The organization's own mail (invitations, alerts, reports), newest first, for its owners only: without
 * SMTP this is where an owner reads an invitation link to pass on. Personal mail (verification, password
 * reset) is never listed: it has no organization. Anyone but an active owner gets not_found.
 */
export async function listOrganizationMail(
  input: { orgId: string; userId: string; limit?: number },
  prisma?: Prisma,
): Promise<OrganizationMailItem[]> {
  const db = prisma ?? (await getPrisma());
  const m = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: input.orgId, userId: input.userId } },
    select: { role: true, status: true },
  });
  if (!m || m.status !== "active" || m.role !== "owner") throw new ServiceError("not_found", "Not found.");
  const rows = await db.mailMessage.findMany({
    where: { organizationId: input.orgId, kind: "organization" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(input.limit ?? 50, 1), 200),
  });
  return rows.map((r) => ({
    id: r.id,
    template: r.template,
    to: r.to,
    subject: r.subject,
    text: readable(r.textEncrypted),
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
  }));
}

function readable(blob: string): string | null {
  if (!blob) return null;
  try {
    return decryptSecret(blob);
  } catch {
    return null;
  }
}
