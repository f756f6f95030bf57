import { getPrisma, type Prisma } from "@/lib/db";
import type { MemberRole } from "@/generated/prisma/enums";
import { sha256Hex } from "@/lib/crypto";

export interface InvitationView {
  membershipId: string;
  email: string;
  role: MemberRole;
  organization: { id: string; name: string; slug: string };
  expiresAt: Date;
  expired: boolean;
}

/** The pending invitation a link's token belongs to, or null (unknown, used, revoked or replaced). */
export async function findInvitation(input: { token: string }, prisma?: Prisma): Promise<InvitationView | null> {
  if (!/^[A-Za-z0-9_-]{20,128}$/.test(input.token)) return null;
  const db = prisma ?? (await getPrisma());
  const m = await db.membership.findUnique({
    where: { inviteTokenHash: sha256Hex(input.token) },
    select: { id: true, status: true, invitedEmail: true, role: true, inviteExpiresAt: true, organization: { select: { id: true, name: true, slug: true } } },
  });
  if (!m || m.status !== "pending" || !m.invitedEmail || !m.inviteExpiresAt) return null;
  return {
    membershipId: m.id,
    email: m.invitedEmail,
    role: m.role,
    organization: m.organization,
    expiresAt: m.inviteExpiresAt,
    expired: m.inviteExpiresAt <= new Date(),
  };
}
